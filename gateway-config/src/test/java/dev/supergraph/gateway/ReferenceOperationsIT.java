package dev.supergraph.gateway;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference operations of the design, sent through the real router as a client app
 * sends them (the documents are the trusted operations in {@code operations/}), against
 * the three real subgraphs on real PostgreSQL with the seed data.
 */
class ReferenceOperationsIT {

	static GraphQlHttpClient router;

	@BeforeAll
	static void router() {
		router = Supergraph.get().router();
	}

	@Test
	void productPageListsProductsWithTheirCategories() {
		Response response = ok("ProductPage", Map.of("first", 3), null);
		JsonNode edges = response.data().path("products").path("edges");
		assertThat(edges).hasSize(3);
		JsonNode first = edges.get(0).path("node");
		assertThat(first.path("sku").asString()).isEqualTo("SKU-00001");
		assertThat(first.path("price").path("amount").asString()).isEqualTo("84.18");
		assertThat(first.path("category").path("name").asString()).isEqualTo("Audio");
		assertThat(response.data().path("products").path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
	}

	@Test
	void productShippingResolvesTheEstimateFromTheCatalogsWeight() {
		Response response = ok("ProductShipping", Map.of("id", "1"), null);
		JsonNode product = response.data().path("product");
		assertThat(product.path("weightGrams").asInt()).isEqualTo(137);
		assertThat(product.path("shippingEstimate").path("currency").asString()).isEqualTo("EUR");
		assertThat(product.path("shippingEstimate").path("amount").asString()).matches("[0-9]+\\.[0-9]{2}");
	}

	@Test
	void placedOrderIsVisibleInOrderDetailUserOrdersAndMyOrders() {
		String buyer = "77";
		String token = TestTokens.forUser(buyer);
		Response placed = ok("PlaceOrder", Map.of("input",
				Map.of("idempotencyKey", UUID.randomUUID().toString(), "items",
						List.of(Map.of("productId", "1", "quantity", 2), Map.of("productId", "2", "quantity", 1)))),
				token);
		JsonNode order = placed.data().path("placeOrder").path("order");
		assertThat(placed.data().path("placeOrder").path("userErrors")).isEmpty();
		assertThat(order.path("status").asString()).isEqualTo("PLACED");
		String orderId = order.path("id").asString();
		String expectedTotal = new BigDecimal("84.18").multiply(BigDecimal.valueOf(2))
			.add(new BigDecimal(order.path("items").get(1).path("unitPrice").path("amount").asString()))
			.toPlainString();
		assertThat(order.path("total").path("amount").asString()).isEqualTo(expectedTotal);

		JsonNode detail = ok("OrderDetail", Map.of("id", orderId), token).data().path("order");
		assertThat(detail.path("buyer").path("id").asString()).isEqualTo(buyer);
		assertThat(detail.path("buyer").path("name").asString()).isNotBlank();
		assertThat(detail.path("items").get(0).path("product").path("sku").asString()).isEqualTo("SKU-00001");

		JsonNode mine = ok("MyOrders", Map.of("first", 100), token).data().path("me");
		assertThat(mine.path("id").asString()).isEqualTo(buyer);
		assertThat(mine.path("email").asString()).contains("@");
		assertThat(mine.path("orders").path("edges").findValuesAsString("id")).contains(orderId);

		JsonNode userOrders = ok("UserOrders", Map.of("userId", buyer, "first", 100), token).data().path("user");
		assertThat(userOrders.path("orders").path("edges").findValuesAsString("id")).contains(orderId);
	}

	@Test
	void anotherUsersOrderIsForbiddenAndAnonymousMyOrdersUnauthenticated() {
		String token = TestTokens.forUser("78");
		String orderId = send("PlaceOrder",
				Map.of("input",
						Map.of("idempotencyKey", UUID.randomUUID().toString(), "items",
								List.of(Map.of("productId", "3", "quantity", 1)))),
				token)
			.data()
			.path("placeOrder")
			.path("order")
			.path("id")
			.asString();
		Response foreign = send("OrderDetail", Map.of("id", orderId), TestTokens.forUser("79"));
		assertThat(foreign.data().path("order").isNull()).isTrue();
		assertThat(foreign.firstErrorCode()).isEqualTo("FORBIDDEN");
		assertThat(send("MyOrders", Map.of(), null).firstErrorCode()).isEqualTo("UNAUTHENTICATED");
	}

	/** Send an operation and require a complete result: HTTP 200 and no errors. */
	static Response ok(String operation, Map<String, ?> variables, String token) {
		Response response = send(operation, variables, token);
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		return response;
	}

	static Response send(String operation, Map<String, ?> variables, String token) {
		Response response = router.post(document(operation), variables, token);
		assertThat(response.status()).isEqualTo(200);
		return response;
	}

	static String document(String operation) {
		try {
			return Files.readString(Path.of("operations", operation + ".graphql"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
