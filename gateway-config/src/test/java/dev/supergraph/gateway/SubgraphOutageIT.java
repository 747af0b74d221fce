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
 * subgraphs know plus an error for the missing part, nulls propagated as the GraphQL
 * specification says, and recovers when it returns.
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
			// the users part survives; an order edge whose non-null products cannot be
			// resolved is null (null propagation stops at the nullable edge), and one
			// error per edge names the failed field by its full path
			assertThat(user.path("name").asString()).as(degraded.body()).isEqualTo("User 7");
			assertThat(user.path("orders").path("pageInfo").path("hasNextPage").isBoolean()).as(degraded.body())
				.isTrue();
			JsonNode edges = user.path("orders").path("edges");
			assertThat(edges.size()).as(degraded.body()).isEqualTo(2);
			assertThat(edges.get(0).isNull()).as(degraded.body()).isTrue();
			assertThat(edges.get(1).isNull()).as(degraded.body()).isTrue();
			JsonNode errors = degraded.json().path("errors");
			assertThat(errors.size()).as(degraded.body()).isEqualTo(2);
			for (int edge = 0; edge < 2; edge++) {
				JsonNode error = errors.get(edge);
				assertThat(error.path("path").toString()).as(degraded.body())
					.isEqualTo("[\"user\",\"orders\",\"edges\"," + edge + ",\"node\",\"items\",0,\"product\",\"sku\"]");
				assertThat(error.path("extensions").path("code").asString()).as(degraded.body())
					.isEqualTo("SERVICE_UNAVAILABLE");
				assertThat(error.path("extensions").path("serviceName").asString()).as(degraded.body())
					.isEqualTo("catalog");
			}
			assertThat(degraded.body()).doesNotContain("ECONNREFUSED", "at ");
		}
		finally {
			catalog.start();
			catalog.awaitReady();
		}
		Response recovered = ReferenceOperationsIT.ok("UserOrders", Map.of("userId", "7", "first", 2), TOKEN);
		assertThat(recovered.data().at("/user/orders/edges/0/node/items/0/product/category/name").asString())
			.isNotBlank();
	}

}
