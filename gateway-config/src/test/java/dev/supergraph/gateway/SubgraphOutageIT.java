package dev.supergraph.gateway;

import java.util.Map;

import dev.supergraph.gateway.support.ManagedProcess;
import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subgraph that goes away mid-flight: the router still answers with what the other
 * subgraphs know plus an error for the missing part, and recovers when it returns.
 */
class SubgraphOutageIT {

	private static final String TOKEN = TestTokens.forUser("7");

	@Test
	void catalogOutageDegradesUserOrdersAndTheRouterRecovers() {
		Supergraph supergraph = Supergraph.get();
		ReferenceOperationsIT.router = supergraph.router();
		ManagedProcess catalog = supergraph.subgraph("catalog");
		catalog.stop();
		try {
			Response degraded = ReferenceOperationsIT.send("UserOrders", Map.of("userId", "7", "first", 2), TOKEN);
			JsonNode user = degraded.data().path("user");
			// the users part survives; the orders whose non-null products cannot be
			// resolved are
			// nulled up to their nullable edge, as GraphQL's null propagation demands
			assertThat(user.path("name").asString()).as(degraded.body()).isEqualTo("User 7");
			assertThat(user.path("orders").path("pageInfo").path("hasNextPage").isBoolean()).as(degraded.body())
				.isTrue();
			assertThat(degraded.json().path("errors").get(0).path("extensions").path("code").asString())
				.as(degraded.body())
				.isEqualTo("SERVICE_UNAVAILABLE");
			assertThat(degraded.body()).doesNotContain("ECONNREFUSED", "at ");
		}
		finally {
			catalog.start();
			catalog.awaitReady();
		}
		Response recovered = ReferenceOperationsIT.ok("UserOrders", Map.of("userId", "7", "first", 2), TOKEN);
		assertThat(recovered.data()
			.path("user")
			.path("orders")
			.path("edges")
			.get(0)
			.path("node")
			.path("items")
			.get(0)
			.path("product")
			.path("category")
			.path("name")
			.asString()).isNotBlank();
	}

}
