package dev.supergraph.orders;

import java.net.URI;
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
 * {@code placeOrder} for a buyer the catalog rate-limits: the price lookup is made on the
 * buyer's behalf, so the catalog counts it against the buyer's budget. Over it, the buyer
 * is told so ({@code RATE_LIMITED}), not that the catalog is down
 * ({@code SERVICE_UNAVAILABLE}, which pages an operator for an outage that is none), and
 * no order is written.
 */
@SubgraphTest
class CatalogRateLimitTests {

	@DynamicPropertySource
	static void rateLimitedCatalog(DynamicPropertyRegistry registry) {
		registry.add("orders.catalog.url", RunningCatalog::rateLimitedUrl);
		registry.add("orders.users.url", RunningUsers::url);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aBuyerOverTheCatalogsRateLimitIsRateLimitedAndNoOrderIsWritten() {
		RunningUsers.register("32001");
		// the buyer's one catalog request of the minute
		GraphQlHttpClient catalog = new GraphQlHttpClient(URI.create(RunningCatalog.rateLimitedUrl()));
		assertThat(catalog.post("{ __typename }", Map.of(), TestTokens.forUser("32001")).firstErrorCode()).isNull();

		GraphQlHttpClient.Response response = GraphQlHttpClient.forPort(this.port)
			.post(Documents.named("placeOrder"), Map.of("input", Map.of("idempotencyKey", "rate-limited-1", "items",
					List.of(Map.of("productId", "1", "quantity", 1)))), TestTokens.forUser("32001"));

		assertThat(response.firstErrorCode()).as(response.body()).isEqualTo("RATE_LIMITED");
		assertThat(response.json().path("errors").get(0).path("message").asString())
			.isEqualTo("You sent too many requests, so the catalog did not quote prices and no order was placed. "
					+ "Retry later.");
		assertThat(response.data().path("placeOrder").isMissingNode()).isTrue();
		assertThat(this.jdbc.queryForObject("select count(*) from orders where buyer_id = 32001", Integer.class))
			.isZero();
	}

}
