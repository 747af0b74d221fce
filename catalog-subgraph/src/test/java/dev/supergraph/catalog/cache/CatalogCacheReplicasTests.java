package dev.supergraph.catalog.cache;

import java.util.Map;
import java.util.UUID;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.supergraph.catalog.cache.CatalogReplicas.PRODUCT;
import static dev.supergraph.catalog.cache.CatalogReplicas.price;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two catalog replicas on the same real PostgreSQL database and the real Redis at
 * 127.0.0.1:6379: a write on one is the next read's answer on the other, while repeated
 * reads on each stay free of SQL.
 */
@SubgraphTest
class CatalogCacheReplicasTests {

	/** A key of this run only: other runs and tools may share the Redis. */
	static final String GENERATION_KEY = "catalog:test:" + UUID.randomUUID();

	static final String PAGE = """
			query($filter: ProductFilter) { products(first: 10, filter: $filter) { edges { node { sku } } } }""";

	static final String WRITER = TestTokens.forUser("903", "catalog:write");

	static ConfigurableApplicationContext otherReplica;

	@LocalServerPort
	int port;

	@Autowired
	CatalogCache cache;

	@Autowired
	StringRedisTemplate redis;

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", () -> "127.0.0.1");
		registry.add("spring.data.redis.port", () -> "6379");
		registry.add("catalog.cache.redis-key", () -> GENERATION_KEY);
	}

	@BeforeAll
	static void startOtherReplica() {
		otherReplica = CatalogReplicas.start(6379, GENERATION_KEY);
	}

	@AfterAll
	static void stopOtherReplica() {
		CatalogReplicas.stop(otherReplica, GENERATION_KEY);
	}

	@Test
	void bothReplicasShareTheGenerationInRedis() {
		assertThat(this.cache.mode()).isEqualTo("redis");
		assertThat(otherReplica.getBean(CatalogCache.class).mode()).isEqualTo("redis");
		this.cache.generation();
		assertThat(this.redis.opsForValue().get(GENERATION_KEY)).isNotNull();
	}

	@Test
	void aPriceChangedOnOneReplicaIsTheNextReadOnTheOther() {
		Map<String, Object> variables = Map.of("id", "11");
		String original = price(other().post(PRODUCT, variables, null));
		assertThat(otherStatementsFor(() -> other().post(PRODUCT, variables, null))).isZero();

		String changed = CatalogReplicas.anotherPrice(original);
		CatalogReplicas.updatePrice(here(), WRITER, "11", changed);

		assertThat(price(other().post(PRODUCT, variables, null))).isEqualTo(changed);
	}

	@Test
	void aProductCreatedOnOneReplicaIsInTheNextPageOnTheOther() {
		String sku = "REPL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Map<String, Object> page = Map.of("filter", Map.of("search", sku.toLowerCase()));
		assertThat(other().post(PAGE, page, null).data().findValuesAsString("sku")).isEmpty();

		Response created = here().post("""
				mutation($input: CreateProductInput!) { createProduct(input: $input) { userErrors { code } } }""",
				Map.of("input",
						Map.of("sku", sku, "name", "Replica probe " + sku, "price",
								Map.of("amount", "5.00", "currency", "EUR"), "categoryId", "2", "weightGrams", 10)),
				WRITER);
		assertThat(created.data().path("createProduct").path("userErrors")).as(created.body()).isEmpty();

		assertThat(other().post(PAGE, page, null).data().findValuesAsString("sku")).containsExactly(sku);
	}

	private GraphQlHttpClient here() {
		return GraphQlHttpClient.forPort(this.port);
	}

	private static GraphQlHttpClient other() {
		return CatalogReplicas.client(otherReplica);
	}

	private static int otherStatementsFor(Runnable action) {
		return CatalogReplicas.statementsFor(otherReplica, action);
	}

}
