package dev.supergraph.orders;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import dev.supergraph.orders.order.ItemsDigest;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code placeOrder} when the users subgraph cannot say whether the buyer is registered:
 * a clear {@code SERVICE_UNAVAILABLE} and no order written, while replays of orders
 * placed before still answer.
 */
@SubgraphTest
class UsersUnavailableTests {

	@DynamicPropertySource
	static void closedUsersPort(DynamicPropertyRegistry registry) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		registry.add("orders.users.url", () -> "http://127.0.0.1:" + closedPort + "/graphql");
		registry.add("orders.catalog.url", RunningCatalog::url);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anUnreachableUsersSubgraphIsServiceUnavailableAndNoOrderIsWritten() {
		GraphQlHttpClient.Response response = place("31001", "users-down-1");
		assertThat(response.firstErrorCode()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(response.json().path("errors").get(0).path("message").asString())
			.isEqualTo("The users service could not be asked whether you are registered, so no order was placed. "
					+ "Retry later.");
		assertThat(response.data().path("placeOrder").isMissingNode()).isTrue();
		assertThat(this.jdbc.queryForObject("select count(*) from orders where buyer_id = 31001", Integer.class))
			.isZero();
	}

	@Test
	void aReplayIsAnsweredWithoutTheUsersSubgraph() {
		Long id = this.jdbc.queryForObject("insert into orders (buyer_id, status, total_amount, total_currency, "
				+ "placed_at, idempotency_key, items_digest) values (31002, 'PLACED', 84.18, 'EUR', now(), "
				+ "'placed-before-users-outage', ?) returning id", Long.class, ItemsDigest.of(Map.of(1L, 1)));
		GraphQlHttpClient.Response response = place("31002", "placed-before-users-outage");
		assertThat(response.firstErrorCode()).as(response.body()).isNull();
		assertThat(response.data().path("placeOrder").path("order").path("id").asString())
			.isEqualTo(String.valueOf(id));
	}

	private GraphQlHttpClient.Response place(String buyer, String key) {
		return GraphQlHttpClient.forPort(this.port)
			.post(Documents.named("placeOrder"),
					Map.of("input",
							Map.of("idempotencyKey", key, "items", List.of(Map.of("productId", "1", "quantity", 1)))),
					TestTokens.forUser(buyer));
	}

}
