package dev.supergraph.inventory;

import java.util.List;
import java.util.Map;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock of products as the router asks for it ({@code _entities}), against the seed:
 * product {@code n} has {@code n % 10 == 0 ? 0 : 1 + (n * 13) % 200} units, as in the
 * catalog's seed.
 */
@SubgraphTest
class StockEntitiesTests {

	static final String STOCK = """
			query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id inStock stockQuantity } } }""";

	@Autowired
	GraphQlTester graphQl;

	@LocalServerPort
	int port;

	@Test
	void entitiesAnswerTheSeededStockInTheOrderOfTheRepresentations() {
		this.graphQl.documentName("productStock")
			.variable("representations", products("10", "3", "7"))
			.execute()
			.path("_entities")
			.entity(List.class)
			.isEqualTo(List.of(Map.of("id", "10", "inStock", false), Map.of("id", "3", "inStock", true),
					Map.of("id", "7", "inStock", true)));
	}

	@Test
	void stockQuantityNeedsTheInventoryReadScope() {
		GraphQlHttpClient client = GraphQlHttpClient.forPort(this.port);
		Response reader = client.post(STOCK, Map.of("r", products("3")), TestTokens.forUser("1", "inventory:read"));
		assertThat(reader.data().path("_entities").get(0).path("stockQuantity").asInt()).isEqualTo(40);
		Response other = client.post(STOCK, Map.of("r", products("3")), TestTokens.forUser("1", "orders:read"));
		assertThat(other.firstErrorCode()).isEqualTo("FORBIDDEN");
		JsonNode product = other.data().path("_entities").get(0);
		assertThat(product.path("stockQuantity").isNull()).isTrue();
		assertThat(product.path("inStock").asBoolean()).isTrue();
		Response anonymous = client.post(STOCK, Map.of("r", products("3")), null);
		assertThat(anonymous.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(anonymous.data().path("_entities").get(0).path("inStock").asBoolean()).isTrue();
	}

	static List<Map<String, Object>> products(String... ids) {
		return java.util.Arrays.stream(ids)
			.<Map<String, Object>>map((id) -> Map.of("__typename", "Product", "id", id))
			.toList();
	}

}
