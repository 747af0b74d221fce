package dev.supergraph.gateway;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.supergraph.gateway.support.ManagedProcess;
import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.security.RouterSignature;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of the catalog and two production routers on one Redis (the real one,
 * under keys of this run only): router A in front of catalog replica 1, router B in front
 * of replica 2, both in front of the shared users and orders. Replay memory and rate
 * budgets are shared, and either router serves any request.
 */
class ReplicasIT {

	private static final int RATE_LIMIT = 5;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final List<ManagedProcess> started = new java.util.ArrayList<>();

	private static ManagedProcess catalog1;

	private static ManagedProcess catalog2;

	private static GraphQlHttpClient routerA;

	private static GraphQlHttpClient routerB;

	@BeforeAll
	static void startReplicas() {
		Supergraph supergraph = Supergraph.get();
		String redis = redisUrl();
		String prefix = "e2e-" + UUID.randomUUID() + ":";
		// Redis timeouts for a busy 2-core test machine: what is tested here is sharing,
		// not failing open (RedisRateLimiterTests, RedisNoncesTests do that)
		String[] sharedState = { "--spring.data.redis.url=" + redis, "--spring.data.redis.timeout=2s",
				"--subgraph.shared-state.key-prefix=" + prefix,
				"--catalog.cache.redis-key=" + prefix + "catalog-generation" };
		// one after the other: the first seeds the database both use
		catalog1 = started(
				supergraph.startReplica("catalog", "catalog-replica-1", "e2e_catalog_replicas", sharedState));
		catalog2 = started(
				supergraph.startReplica("catalog", "catalog-replica-2", "e2e_catalog_replicas", sharedState));
		routerA = new GraphQlHttpClient(started(
				supergraph.startProductionRouter("router-replica-a", routerEnvironment(catalog1, redis, prefix)))
			.uri("/graphql"));
		routerB = new GraphQlHttpClient(started(
				supergraph.startProductionRouter("router-replica-b", routerEnvironment(catalog2, redis, prefix)))
			.uri("/graphql"));
	}

	@AfterAll
	static void stopReplicas() {
		started.forEach(ManagedProcess::stop);
	}

	@Test
	void aSignedRequestReplayedToTheOtherReplicaIsRefused() {
		byte[] body = json.writeValueAsBytes(
				Map.of("query", "query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { sku } } }",
						"variables", Map.of("r", List.of(Map.of("__typename", "Product", "id", "7")))));
		String stamp = Supergraph.get().freshnessStamp(body, Instant.now(), UUID.randomUUID().toString());
		Response original = stamped(catalog1, body, stamp);
		assertThat(original.status()).as(original.body()).isEqualTo(200);
		assertThat(original.body()).contains("SKU-00007");
		Response replayed = stamped(catalog2, body, stamp);
		assertThat(replayed.status()).as(replayed.body()).isEqualTo(403);
		assertThat(replayed.firstErrorCode()).isEqualTo("FORBIDDEN");
		assertThat(replayed.body()).doesNotContain("SKU-");
	}

	@Test
	void aClientsRateBudgetIsSharedAcrossBothRouters() {
		String token = TestTokens.forUser("replicas-" + UUID.randomUUID());
		for (int request = 0; request < RATE_LIMIT; request++) {
			Response response = productPage((request % 2 == 0) ? routerA : routerB, token);
			assertThat(response.status()).as("request %d: %s", request + 1, response.body()).isEqualTo(200);
		}
		for (GraphQlHttpClient router : List.of(routerA, routerB)) {
			Response limited = productPage(router, token);
			assertThat(limited.status()).as(limited.body()).isEqualTo(429);
			assertThat(limited.firstErrorCode()).isEqualTo("RATE_LIMITED");
		}
		assertThat(productPage(routerB, TestTokens.forUser("replicas-" + UUID.randomUUID())).status())
			.as("another client's budget")
			.isEqualTo(200);
	}

	@Test
	void eitherRouterServesAnyRequest() {
		for (GraphQlHttpClient router : List.of(routerA, routerB)) {
			Response page = productPage(router, TestTokens.forUser("replicas-" + UUID.randomUUID()));
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			assertThat(page.data().at("/products/edges/0/node/category/name").asString()).as(page.body()).isNotBlank();
			Response orders = trusted(router, "UserOrders", Map.of("userId", "7", "first", 2), TestTokens.forUser("7"));
			assertThat(orders.status()).as(orders.body()).isEqualTo(200);
			assertThat(orders.json().has("errors")).as(orders.body()).isFalse();
			assertThat(orders.data().at("/user/orders/edges/0/node/items/0/product/category/name").asString())
				.as(orders.body())
				.isNotBlank();
		}
	}

	private static Response productPage(GraphQlHttpClient router, String token) {
		return trusted(router, "ProductPage", Map.of("first", 2), token);
	}

	private static Response trusted(GraphQlHttpClient router, String operation, Map<String, ?> variables,
			String token) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("documentId", ProductionRouterAdversarialIT.documentId(operation));
		body.put("variables", variables);
		return router.postRaw("application/json", json.writeValueAsBytes(body), "Authorization", "Bearer " + token);
	}

	private static Response stamped(ManagedProcess replica, byte[] body, String stamp) {
		return new GraphQlHttpClient(replica.uri("/graphql")).postRaw("application/json", body,
				RouterSignature.FRESHNESS_HEADER, stamp);
	}

	private static Map<String, String> routerEnvironment(ManagedProcess catalog, String redis, String prefix) {
		return Map.of("CATALOG_URL", catalog.uri("/graphql").toString(), "RATE_LIMIT_MAX", String.valueOf(RATE_LIMIT),
				"REDIS_URL", redis, "REDIS_KEY_PREFIX", prefix + "router:", "REDIS_TIMEOUT_MS", "2000");
	}

	private static ManagedProcess started(ManagedProcess process) {
		started.add(process);
		return process;
	}

	/** The shared Redis of the tests ({@code SUBGRAPH_TEST_REDIS_URL}, default local). */
	private static String redisUrl() {
		String url = System.getenv("SUBGRAPH_TEST_REDIS_URL");
		return (url != null && !url.isBlank()) ? url : "redis://127.0.0.1:6379";
	}

}
