package dev.supergraph.orders;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read API against the seed orders. User 1 has orders 1 to 8; order 1 has 2 units of
 * product 98 (165.61 EUR) and 3 of product 1107 (68.32 EUR), is SHIPPED and was placed 47
 * minutes into 2026.
 */
@SubgraphTest
class OrderQueryTests {

	@LocalServerPort
	int port;

	GraphQlHttpClient http;

	@BeforeEach
	void client() {
		this.http = GraphQlHttpClient.forPort(this.port);
	}

	@Test
	void theBuyerSeesTheirOrderWithItsPriceSnapshot() {
		JsonNode order = orderDetail("1", TestTokens.forUser("1")).data().path("order");
		assertThat(order.path("id").asString()).isEqualTo("1");
		assertThat(order.path("buyer").path("id").asString()).isEqualTo("1");
		assertThat(order.path("status").asString()).isEqualTo("SHIPPED");
		assertThat(order.path("placedAt").asString()).isEqualTo("2026-01-01T00:47:00Z");
		assertThat(order.path("total").path("amount").asString()).isEqualTo("536.18");
		assertThat(order.path("items")).hasSize(2);
		assertThat(order.path("items").get(0).path("product").path("id").asString()).isEqualTo("98");
		assertThat(order.path("items").get(0).path("quantity").asInt()).isEqualTo(2);
		assertThat(order.path("items").get(0).path("unitPrice").path("amount").asString()).isEqualTo("165.61");
		assertThat(order.path("items").get(1).path("product").path("id").asString()).isEqualTo("1107");
		assertThat(order.path("items").get(1).path("unitPrice").path("amount").asString()).isEqualTo("68.32");
	}

	@Test
	void anotherUserIsForbiddenUnlessGrantedOrdersRead() {
		GraphQlHttpClient.Response other = orderDetail("1", TestTokens.forUser("2"));
		assertThat(other.firstErrorCode()).isEqualTo("FORBIDDEN");
		assertThat(other.data().path("order").isNull()).isTrue();
		GraphQlHttpClient.Response support = orderDetail("1", TestTokens.forUser("2", "orders:read"));
		assertThat(support.firstErrorCode()).isNull();
		assertThat(support.data().path("order").path("id").asString()).isEqualTo("1");
	}

	@Test
	void anonymousCallersAreUnauthenticatedAndUnknownOrdersAreNull() {
		assertThat(orderDetail("1", null).firstErrorCode()).isEqualTo("UNAUTHENTICATED");
		GraphQlHttpClient.Response unknown = orderDetail("987654", TestTokens.forUser("1"));
		assertThat(unknown.firstErrorCode()).isNull();
		assertThat(unknown.data().path("order").isNull()).isTrue();
		assertThat(orderDetail("x1", TestTokens.forUser("1")).firstErrorCode()).isEqualTo("BAD_USER_INPUT");
	}

	@Test
	void orderEntitiesOfOtherBuyersAreWithheld() {
		List<Map<String, Object>> representations = List.of(Map.of("__typename", "Order", "id", "1"),
				Map.of("__typename", "Order", "id", "9"), Map.of("__typename", "Order", "id", "999999"));
		GraphQlHttpClient.Response response = this.http.post(Documents.named("orderEntities"),
				Map.of("representations", representations), TestTokens.forUser("1"));
		JsonNode entities = response.data().path("_entities");
		assertThat(entities.get(0).path("id").asString()).isEqualTo("1");
		assertThat(entities.get(1).isNull()).isTrue();
		assertThat(entities.get(2).isNull()).isTrue();
		assertThat(response.firstErrorCode()).isEqualTo("FORBIDDEN");
	}

	@Test
	void aUsersOrdersArePagedInPlacementOrder() {
		JsonNode first = userOrders("1", 3, null, TestTokens.forUser("1"));
		assertThat(ids(first)).containsExactly("1", "2", "3");
		assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
		JsonNode second = userOrders("1", 3, first.path("pageInfo").path("endCursor").asString(),
				TestTokens.forUser("1"));
		assertThat(ids(second)).containsExactly("4", "5", "6");
		JsonNode last = userOrders("1", 3, second.path("pageInfo").path("endCursor").asString(),
				TestTokens.forUser("1"));
		assertThat(ids(last)).containsExactly("7", "8");
		assertThat(last.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
	}

	@Test
	void aPageEndingAtTheLastOrderHasNoNextPageAndThePageAfterItIsEmpty() {
		String token = TestTokens.forUser("1");
		JsonNode all = userOrders("1", 8, null, token);
		assertThat(ids(all)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
		assertThat(all.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
		JsonNode beyond = userOrders("1", 8, endCursor(all), token);
		assertThat(beyond.path("edges")).isEmpty();
		assertThat(beyond.path("pageInfo").toString()).isEqualTo(emptyPage(false));
	}

	@Test
	void firstZeroHasNoEdgesAndSaysWhetherOrdersFollow() {
		String token = TestTokens.forUser("1");
		JsonNode none = userOrders("1", 0, null, token);
		assertThat(none.path("edges")).isEmpty();
		assertThat(none.path("pageInfo").toString()).isEqualTo(emptyPage(true));
		assertThat(userOrders("1", 0, endCursor(userOrders("1", 7, null, token)), token).path("pageInfo").toString())
			.isEqualTo(emptyPage(true));
		assertThat(userOrders("1", 0, endCursor(userOrders("1", 8, null, token)), token).path("pageInfo").toString())
			.isEqualTo(emptyPage(false));
		assertThat(userOrders("424242", 0, null, TestTokens.forUser("424242")).path("pageInfo").toString())
			.isEqualTo(emptyPage(false));
	}

	@Test
	void aCursorContinuesAfterItsOrderForAnyUserAndNowhereElse() {
		String support = TestTokens.forUser("99", "orders:read");
		String afterOrder8 = endCursor(userOrders("1", 8, null, support));
		assertThat(ids(userOrders("2", 10, afterOrder8, support))).containsExactly("9", "10", "11", "12", "13");
		for (String foreign : List.of(base64("Query.users:8"), base64("Category.products:8"), base64("id:08"),
				base64("User.orders:08"), afterOrder8.replace("=", ""), "")) {
			GraphQlHttpClient.Response refused = this.http.post(Documents.named("userOrders"), Map.of("representations",
					List.of(Map.of("__typename", "User", "id", "1")), "first", 2, "after", foreign), support);
			assertThat(refused.firstErrorCode()).as(foreign).isEqualTo("BAD_USER_INPUT");
			assertThat(refused.data().path("_entities").get(0).isNull()).as(refused.body()).isTrue();
		}
	}

	@Test
	void aCursorTheReleaseBeforeIssuedContinuesAfterItsOrder() {
		// id:8 as the release before wrote it, before cursors named their list
		String support = TestTokens.forUser("99", "orders:read");
		JsonNode page = userOrders("2", 10, "aWQ6OA==", support);
		assertThat(page.toString()).isEqualTo(userOrders("2", 10, base64("User.orders:8"), support).toString());
		assertThat(ids(page)).containsExactly("9", "10", "11", "12", "13");
	}

	@Test
	void aUsersOrdersAreForbiddenToOthersUnlessGrantedOrdersRead() {
		GraphQlHttpClient.Response other = this.http.post(Documents.named("userOrders"),
				Map.of("representations", List.of(Map.of("__typename", "User", "id", "1"))), TestTokens.forUser("2"));
		assertThat(other.firstErrorCode()).isEqualTo("FORBIDDEN");
		assertThat(ids(userOrders("1", 2, null, TestTokens.forUser("2", "orders:read")))).containsExactly("1", "2");
		assertThat(ids(userOrders("424242", 2, null, TestTokens.forUser("424242")))).isEmpty();
	}

	@Test
	void shippingEstimateIsFourNinetyPlusFiftyCentsPerStartedHalfKilo() {
		List<Map<String, Object>> products = new ArrayList<>();
		int[] weights = { 0, 1, 500, 501, 1000, 5099 };
		for (int n = 0; n < weights.length; n++) {
			products.add(Map.of("__typename", "Product", "id", String.valueOf(n + 1), "weightGrams", weights[n]));
		}
		JsonNode entities = this.http
			.post(Documents.named("productShipping"), Map.of("representations", products), null)
			.data()
			.path("_entities");
		List<String> estimates = new ArrayList<>();
		entities.forEach((product) -> estimates.add(product.path("shippingEstimate").path("amount").asString()
				+ product.path("shippingEstimate").path("currency").asString()));
		assertThat(estimates).containsExactly("4.90EUR", "5.40EUR", "5.40EUR", "5.90EUR", "5.90EUR", "10.40EUR");
	}

	@Test
	void shippingEstimateWithoutOrWithAnInvalidWeightIsBadUserInput() {
		GraphQlHttpClient.Response missing = this.http.post(Documents.named("productShipping"),
				Map.of("representations", List.of(Map.of("__typename", "Product", "id", "1"))), null);
		assertThat(missing.firstErrorCode()).isEqualTo("BAD_USER_INPUT");
		GraphQlHttpClient.Response negative = this.http.post(Documents.named("productShipping"),
				Map.of("representations", List.of(Map.of("__typename", "Product", "id", "1", "weightGrams", -5))),
				null);
		assertThat(negative.firstErrorCode()).as(negative.body()).isEqualTo("BAD_USER_INPUT");
	}

	private GraphQlHttpClient.Response orderDetail(String id, @Nullable String token) {
		return this.http.post(Documents.named("orderDetail"), Map.of("id", id), token);
	}

	private JsonNode userOrders(String userId, int first, @Nullable String after, String token) {
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("representations", List.of(Map.of("__typename", "User", "id", userId)));
		variables.put("first", first);
		if (after != null) {
			variables.put("after", after);
		}
		GraphQlHttpClient.Response response = this.http.post(Documents.named("userOrders"), variables, token);
		assertThat(response.firstErrorCode()).as(response.body()).isNull();
		return response.data().path("_entities").get(0).path("orders");
	}

	private static String endCursor(JsonNode connection) {
		return connection.path("pageInfo").path("endCursor").asString();
	}

	/** The page info of a page without edges, as JSON. */
	private static String emptyPage(boolean hasNextPage) {
		return "{\"hasNextPage\":" + hasNextPage
				+ ",\"hasPreviousPage\":false,\"startCursor\":null,\"endCursor\":null}";
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static List<String> ids(JsonNode connection) {
		List<String> ids = new ArrayList<>();
		connection.path("edges").forEach((edge) -> ids.add(edge.path("node").path("id").asString()));
		return ids;
	}

}
