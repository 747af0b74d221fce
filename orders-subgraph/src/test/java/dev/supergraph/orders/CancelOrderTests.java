package dev.supergraph.orders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cancelOrder}: only the buyer, only from PLACED or PAID, and concurrent cancels
 * end with one cancellation and clean user errors. Every test has its own buyer.
 */
@SubgraphTest
class CancelOrderTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	GraphQlHttpClient http;

	@BeforeEach
	void client() {
		this.http = GraphQlHttpClient.forPort(this.port);
	}

	@Test
	void placedAndPaidOrdersCanBeCancelledByTheirBuyer() {
		for (String status : List.of("PLACED", "PAID")) {
			long id = insertOrder(20001, status);
			JsonNode payload = cancel("20001", String.valueOf(id)).data().path("cancelOrder");
			assertThat(payload.path("userErrors").isEmpty()).isTrue();
			assertThat(payload.path("order").path("id").asString()).isEqualTo(String.valueOf(id));
			assertThat(payload.path("order").path("status").asString()).isEqualTo("CANCELLED");
			assertThat(statusOf(id)).isEqualTo("CANCELLED");
		}
	}

	@Test
	void shippedAndCancelledOrdersCannotBeCancelled() {
		for (String status : List.of("SHIPPED", "CANCELLED")) {
			long id = insertOrder(20002, status);
			JsonNode error = userError(cancel("20002", String.valueOf(id)));
			assertThat(error.path("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
			assertThat(error.path("message").asString()).contains(status);
			assertThat(error.path("field").toString()).isEqualTo("[\"input\",\"orderId\"]");
			assertThat(statusOf(id)).isEqualTo(status);
		}
	}

	@Test
	void someoneElsesOrderIsReportedLikeAMissingOne() {
		long id = insertOrder(20003, "PLACED");
		JsonNode others = userError(cancel("20004", String.valueOf(id)));
		JsonNode missing = userError(cancel("20004", "987654321"));
		assertThat(others.path("code").asString()).isEqualTo("ORDER_NOT_FOUND");
		assertThat(missing.path("code").asString()).isEqualTo("ORDER_NOT_FOUND");
		assertThat(missing.path("message").asString()).isEqualTo("Order 987654321 does not exist.");
		assertThat(statusOf(id)).isEqualTo("PLACED");
		assertThat(userError(cancel("20004", "12x")).path("code").asString()).isEqualTo("INVALID_FORMAT");
	}

	@Test
	void anonymousCallersCannotCancel() {
		long id = insertOrder(20005, "PLACED");
		GraphQlHttpClient.Response response = this.http.post(Documents.named("cancelOrder"),
				Map.of("input", Map.of("orderId", String.valueOf(id))), null);
		assertThat(response.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(statusOf(id)).isEqualTo("PLACED");
	}

	@Test
	void concurrentCancelsCancelOnceAndTheOthersGetIllegalTransition() throws Exception {
		long id = insertOrder(20006, "PAID");
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<GraphQlHttpClient.Response>> calls = new ArrayList<>();
		for (int n = 0; n < threads; n++) {
			calls.add(() -> {
				start.await();
				return cancel("20006", String.valueOf(id));
			});
		}
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		List<String> outcomes = new ArrayList<>();
		try {
			List<Future<GraphQlHttpClient.Response>> results = calls.stream().map(executor::submit).toList();
			start.countDown();
			for (Future<GraphQlHttpClient.Response> result : results) {
				GraphQlHttpClient.Response response = result.get();
				assertThat(response.firstErrorCode()).as(response.body()).isNull();
				JsonNode payload = response.data().path("cancelOrder");
				outcomes.add(payload.path("userErrors").isEmpty() ? payload.path("order").path("status").asString()
						: payload.path("userErrors").get(0).path("code").asString());
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(outcomes).filteredOn("CANCELLED"::equals).hasSize(1);
		assertThat(outcomes).filteredOn("ILLEGAL_TRANSITION"::equals).hasSize(threads - 1);
		assertThat(this.jdbc.queryForObject("select version from orders where id = ?", Long.class, id)).isEqualTo(1);
	}

	@Test
	void aLaterMutationOfTheOperationReadsWhatTheEarlierOnesWrote() {
		long first = insertOrder(20007, "PLACED");
		long second = insertOrder(20007, "PLACED");
		String buyerOrders = "order { buyer { orders(first: 10) { edges { node { id status } } } } }";
		String document = "mutation Both($a: ID!, $b: ID!) { a: cancelOrder(input: { orderId: $a }) { " + buyerOrders
				+ " } b: cancelOrder(input: { orderId: $b }) { " + buyerOrders + " } }";
		GraphQlHttpClient.Response response = this.http.post(document,
				Map.of("a", String.valueOf(first), "b", String.valueOf(second)), TestTokens.forUser("20007"));
		assertThat(response.firstErrorCode()).as(response.body()).isNull();
		assertThat(statuses(response.data().path("a"))).containsEntry(String.valueOf(first), "CANCELLED")
			.containsEntry(String.valueOf(second), "PLACED");
		// the second payload's page is read after the second cancellation, not taken from
		// the first's loader
		assertThat(statuses(response.data().path("b"))).containsEntry(String.valueOf(first), "CANCELLED")
			.containsEntry(String.valueOf(second), "CANCELLED");
	}

	private static Map<String, String> statuses(JsonNode payload) {
		Map<String, String> statuses = new HashMap<>();
		payload.path("order")
			.path("buyer")
			.path("orders")
			.path("edges")
			.forEach((edge) -> statuses.put(edge.path("node").path("id").asString(),
					edge.path("node").path("status").asString()));
		return statuses;
	}

	private GraphQlHttpClient.Response cancel(String userId, String orderId) {
		return this.http.post(Documents.named("cancelOrder"), Map.of("input", Map.of("orderId", orderId)),
				TestTokens.forUser(userId));
	}

	private static JsonNode userError(GraphQlHttpClient.Response response) {
		assertThat(response.firstErrorCode()).as(response.body()).isNull();
		JsonNode payload = response.data().path("cancelOrder");
		assertThat(payload.path("order").isNull()).isTrue();
		return payload.path("userErrors").get(0);
	}

	private long insertOrder(long buyerId, String status) {
		return this.jdbc.queryForObject("insert into orders (buyer_id, status, total_amount, total_currency, "
				+ "placed_at, idempotency_key, items_digest) values (?, ?, 10.00, 'EUR', now(), ?, 'none') returning id",
				Long.class, buyerId, status, UUID.randomUUID().toString());
	}

	private String statusOf(long id) {
		return this.jdbc.queryForObject("select status from orders where id = ?", String.class, id);
	}

}
