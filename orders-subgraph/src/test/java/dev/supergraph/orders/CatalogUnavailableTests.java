package dev.supergraph.orders;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

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
 * {@code placeOrder} when the catalog cannot be reached: a clear
 * {@code SERVICE_UNAVAILABLE} and no order written.
 */
@SubgraphTest
class CatalogUnavailableTests {

	@DynamicPropertySource
	static void closedCatalogPort(DynamicPropertyRegistry registry) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		registry.add("orders.catalog.url", () -> "http://127.0.0.1:" + closedPort + "/graphql");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anUnreachableCatalogIsServiceUnavailableAndNoOrderIsWritten() {
		GraphQlHttpClient.Response response = GraphQlHttpClient.forPort(this.port)
			.post(Documents.named("placeOrder"), Map.of("input", Map.of("idempotencyKey", "catalog-down-1", "items",
					List.of(Map.of("productId", "1", "quantity", 1)))), TestTokens.forUser("30001"));
		assertThat(response.firstErrorCode()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(response.json().path("errors").get(0).path("message").asString()).contains("catalog")
			.doesNotContain("127.0.0.1");
		assertThat(response.data().path("placeOrder").isMissingNode()).isTrue();
		assertThat(this.jdbc.queryForObject("select count(*) from orders where buyer_id = 30001", Integer.class))
			.isZero();
	}

}
