package dev.supergraph.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.SqlStatementCounter;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The performance rules of the design for orders, proven by counting SQL round trips
 * (statements plus commits) against the seed orders: the cost depends on the shape of the
 * operation, never on how many orders, users or products it touches.
 */
@SubgraphTest
class OrdersBatchingTests {

	@LocalServerPort
	int port;

	@Autowired
	SqlStatementCounter statements;

	@Test
	void orderEntitiesWithTheirItemsCostTwoStatementsForOneOrFiftyOrders() {
		int one = statementsFor("orderEntities", Map.of("representations", representations("Order", 1)));
		int fifty = statementsFor("orderEntities", Map.of("representations", representations("Order", 50)));
		assertThat(one).isEqualTo(2);
		assertThat(fifty).isEqualTo(one);
	}

	@Test
	void orderEntitiesWithTheirItemsSendTheSameStatementTextsForOneOrFiftyOrders() {
		List<String> one = textsFor("orderEntities", Map.of("representations", representations("Order", 1)));
		List<String> fifty = textsFor("orderEntities", Map.of("representations", representations("Order", 50)));
		assertThat(one).hasSize(2);
		assertThat(fifty).isEqualTo(one);
	}

	@Test
	void orderEntitiesWithoutItemsCostOneStatement() {
		String document = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id status } } }";
		assertThat(statementsFor(document, representations("Order", 50), 50)).isEqualTo(1);
	}

	@Test
	void ordersOfFiftyUsersWithTheirItemsCostTwoStatementsLikeThoseOfOne() {
		int one = statementsFor("userOrders", Map.of("representations", representations("User", 1), "first", 5));
		int fifty = statementsFor("userOrders", Map.of("representations", representations("User", 50), "first", 5));
		assertThat(one).isEqualTo(2);
		assertThat(fifty).isEqualTo(one);
	}

	@Test
	void ordersOfFiftyUsersWithTheirItemsSendTheSameStatementTextsAsThoseOfOne() {
		List<String> one = textsFor("userOrders", Map.of("representations", representations("User", 1), "first", 5));
		List<String> fifty = textsFor("userOrders", Map.of("representations", representations("User", 50), "first", 5));
		assertThat(one).hasSize(2);
		assertThat(fifty).isEqualTo(one);
	}

	@Test
	void shippingEstimatesOfManyProductsCostNoStatement() {
		List<Map<String, Object>> products = new ArrayList<>();
		for (int n = 1; n <= 100; n++) {
			products.add(Map.of("__typename", "Product", "id", String.valueOf(n), "weightGrams", n * 37));
		}
		assertThat(statementsFor("productShipping", Map.of("representations", products))).isZero();
	}

	private int statementsFor(String documentName, Map<String, Object> variables) {
		this.statements.reset();
		GraphQlHttpClient.Response response = GraphQlHttpClient.forPort(this.port)
			.post(Documents.named(documentName), variables, TestTokens.forUser("9999", "orders:read"));
		assertThat(response.firstErrorCode()).as(response.body()).isNull();
		JsonNode entities = response.data().path("_entities");
		assertThat(entities.isEmpty()).isFalse();
		entities.forEach((entity) -> assertThat(entity.isNull()).as(response.body()).isFalse());
		return this.statements.statements();
	}

	private List<String> textsFor(String documentName, Map<String, Object> variables) {
		statementsFor(documentName, variables);
		return this.statements.texts();
	}

	private int statementsFor(String document, List<Map<String, Object>> representations, int expectedEntities) {
		this.statements.reset();
		GraphQlHttpClient.Response response = GraphQlHttpClient.forPort(this.port)
			.post(document, Map.of("r", representations), TestTokens.forUser("9999", "orders:read"));
		assertThat(response.firstErrorCode()).as(response.body()).isNull();
		assertThat(response.data().path("_entities")).hasSize(expectedEntities);
		return this.statements.statements();
	}

	private static List<Map<String, Object>> representations(String typeName, int count) {
		List<Map<String, Object>> representations = new ArrayList<>();
		for (int n = 1; n <= count; n++) {
			representations.add(Map.of("__typename", typeName, "id", String.valueOf(n)));
		}
		return representations;
	}

}
