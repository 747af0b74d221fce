package dev.supergraph.inventory;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.supergraph.starter.test.SqlStatementCounter;
import dev.supergraph.starter.test.SubgraphTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock of N products costs one SQL statement, with the same text for every N.
 */
@SubgraphTest
class InventoryBatchingTests {

	@Autowired
	GraphQlTester graphQl;

	@Autowired
	SqlStatementCounter statements;

	@Test
	void stockOfHundredProductsCostsOneStatementLikeTheStockOfOne() {
		assertThat(statementsFor(1)).isEqualTo(1);
		assertThat(statementsFor(100)).isEqualTo(1);
	}

	@Test
	void stockOfTwoOrHundredProductsSendsTheSameStatementText() {
		statementsFor(2);
		List<String> two = this.statements.texts();
		statementsFor(100);
		assertThat(two).hasSize(1);
		assertThat(this.statements.texts()).isEqualTo(two);
	}

	private int statementsFor(int count) {
		List<Map<String, Object>> representations = IntStream.rangeClosed(1, count)
			.<Map<String, Object>>mapToObj((n) -> Map.of("__typename", "Product", "id", String.valueOf(n)))
			.toList();
		this.statements.reset();
		this.graphQl.documentName("productStock")
			.variable("representations", representations)
			.execute()
			.path("_entities")
			.entityList(Object.class)
			.hasSize(count);
		return this.statements.statements();
	}

}
