package dev.supergraph.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.supergraph.starter.test.SqlStatementCounter;
import dev.supergraph.starter.test.SubgraphTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The performance rules of the design, proven by counting SQL round trips: the cost of an
 * operation depends on its shape, never on how many users it touches.
 */
@SubgraphTest
class UserBatchingTests {

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	SqlStatementCounter statements;

	@Test
	void entitiesForFiftyUsersCostOneStatementLikeForOne() {
		int one = statementsFor("userEntities", Map.of("representations", representations(1)));
		int fifty = statementsFor("userEntities", Map.of("representations", representations(50)));
		assertThat(one).isEqualTo(1);
		assertThat(fifty).isEqualTo(1);
	}

	@Test
	void entitiesForOneOrFiftyUsersSendTheSameStatementText() {
		statementsFor("userEntities", Map.of("representations", representations(1)));
		List<String> one = this.statements.texts();
		statementsFor("userEntities", Map.of("representations", representations(50)));
		assertThat(one).hasSize(1);
		assertThat(this.statements.texts()).isEqualTo(one);
	}

	@Test
	void usersPageCostsOneStatementWhateverItsSize() {
		int one = statementsFor("userPage", Map.of("first", 1));
		int hundred = statementsFor("userPage", Map.of("first", 100));
		assertThat(one).isEqualTo(1);
		assertThat(hundred).isEqualTo(1);
	}

	private int statementsFor(String documentName, Map<String, Object> variables) {
		GraphQlTester.Request<?> request = this.graphQl.documentName(documentName);
		variables.forEach(request::variable);
		this.statements.reset();
		request.execute().errors().verify();
		return this.statements.statements();
	}

	private static List<Map<String, Object>> representations(int count) {
		List<Map<String, Object>> representations = new ArrayList<>();
		for (int n = 1; n <= count; n++) {
			representations.add(Map.of("__typename", "User", "id", String.valueOf(n * 7)));
		}
		return representations;
	}

}
