package dev.supergraph.gateway;

import java.util.List;
import java.util.Map;

import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory's {@code Product.stockQuantity} through the real router: the scope
 * {@code inventory:read} that the inventory's schema requires is kept in the supergraph,
 * so the router refuses the field without it and does not ask the inventory; the
 * inventory refuses it on its own too.
 */
class InventoryIT {

	static final String STOCK = "query Stock($id: ID!) { product(id: $id) { id name inStock stockQuantity } }";

	static Supergraph supergraph;

	@BeforeAll
	static void supergraph() {
		supergraph = Supergraph.get();
	}

	@Test
	void stockQuantityWithTheScopeIsTheSeededQuantity() {
		Response response = supergraph.router()
			.post(STOCK, Map.of("id", "3"), TestTokens.forUser("1", "inventory:read"));
		assertThat(response.json().has("errors")).as(response.body()).isFalse();
		JsonNode product = response.data().path("product");
		assertThat(product.path("stockQuantity").asInt()).isEqualTo(40);
		assertThat(product.path("inStock").asBoolean()).isTrue();
		assertThat(product.path("name").asString()).isEqualTo("Ergonomic Bikes item 3");
	}

	@Test
	void stockQuantityWithoutTheScopeIsRefusedAtTheRouterAndAtTheInventory() {
		int inventory = supergraph.graphQlRequests("inventory");
		Response response = supergraph.router().post(STOCK, Map.of("id", "40"), TestTokens.forUser("1"));
		assertThat(response.firstErrorCode()).as(response.body()).isEqualTo("FORBIDDEN");
		JsonNode product = response.data().path("product");
		assertThat(product.path("stockQuantity").isNull()).as(response.body()).isTrue();
		assertThat(product.path("inStock").asBoolean()).isFalse();
		assertThat(supergraph.graphQlRequests("inventory")).isEqualTo(inventory);
		String entities = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { stockQuantity } } }";
		Response atInventory = supergraph.subgraphClient("inventory")
			.post(entities, Map.of("r", List.of(Map.of("__typename", "Product", "id", "40"))), TestTokens.forUser("1"));
		assertThat(atInventory.firstErrorCode()).as(atInventory.body()).isEqualTo("FORBIDDEN");
	}

}
