package dev.supergraph.orders;

import java.util.List;
import java.util.Map;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import dev.supergraph.starter.test.release.RecordReleaseStatements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read and write path of the orders subgraph over HTTP, against real catalog and
 * users subgraphs, so that {@code src/test/resources/release/statements.json} is exactly
 * the SQL this release issues (docs/migrations.md).
 */
@SubgraphTest
class OrdersReleaseStatementsTests {

	@RegisterExtension
	static RecordReleaseStatements release = new RecordReleaseStatements();

	private static final String BUYER = "30901";

	@DynamicPropertySource
	static void catalogAndUsers(DynamicPropertyRegistry registry) {
		registry.add("orders.catalog.url", RunningCatalog::url);
		registry.add("orders.users.url", RunningUsers::url);
	}

	@BeforeAll
	static void registeredBuyer() {
		RunningUsers.register(BUYER);
	}

	@LocalServerPort
	int port;

	GraphQlHttpClient http;

	@BeforeEach
	void client() {
		this.http = GraphQlHttpClient.forPort(this.port);
	}

	@Test
	void placeAReplayAndCancelAnOrderAndCancelAMissingOne() {
		Map<String, Object> input = Map.of("input", Map.of("idempotencyKey", "release-1", "items",
				List.of(Map.of("productId", "1", "quantity", 2), Map.of("productId", "2", "quantity", 1))));
		String id = post("placeOrder", input, BUYER).path("placeOrder").path("order").path("id").asString();
		assertThat(post("placeOrder", input, BUYER).path("placeOrder").path("order").path("id").asString())
			.isEqualTo(id);
		JsonNode cancelled = post("cancelOrder", Map.of("input", Map.of("orderId", id)), BUYER).path("cancelOrder");
		assertThat(cancelled.path("order").path("status").asString()).isEqualTo("CANCELLED");
		JsonNode missing = post("cancelOrder", Map.of("input", Map.of("orderId", "987654")), BUYER).path("cancelOrder");
		assertThat(missing.path("userErrors").path(0).path("code").asString()).isEqualTo("ORDER_NOT_FOUND");
	}

	@Test
	void orderDetailOrderEntitiesAndOrdersOfUsers() {
		assertThat(post("orderDetail", Map.of("id", "1"), "orders-reader").path("order").path("id").asString())
			.isEqualTo("1");
		List<Map<String, String>> orders = List.of(Map.of("__typename", "Order", "id", "1"),
				Map.of("__typename", "Order", "id", "2"));
		assertThat(post("orderEntities", Map.of("representations", orders), "orders-reader").path("_entities"))
			.hasSize(2);
		List<Map<String, String>> users = List.of(Map.of("__typename", "User", "id", "1"),
				Map.of("__typename", "User", "id", "2"));
		assertThat(post("userOrders", Map.of("representations", users, "first", 2), "orders-reader").path("_entities"))
			.hasSize(2);
	}

	private JsonNode post(String documentName, Map<String, ?> variables, String caller) {
		String token = caller.equals("orders-reader") ? TestTokens.forUser("1", "orders:read")
				: TestTokens.forUser(caller);
		Response response = this.http.post(Documents.named(documentName), variables, token);
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		return response.data();
	}

}
