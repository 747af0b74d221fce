package dev.supergraph.catalog.cache;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.supergraph.catalog.cache.CatalogReplicas.PRODUCT;
import static dev.supergraph.catalog.cache.CatalogReplicas.price;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two catalog replicas on the same real PostgreSQL database and the real Redis at
 * 127.0.0.1:6379, each through a link of its own: when the writer loses Redis for a
 * moment while the other replica keeps it (a blip, a partial network failure), the
 * write's response waits for its invalidation, so the other replica's next read after the
 * response is the new price, not the entry it cached before.
 */
@SubgraphTest
class CatalogCacheInvalidationWaitTests {

	static final RedisLink WRITER_LINK = new RedisLink(6379);

	static final RedisLink OTHER_LINK = new RedisLink(6379);

	/** A key of this run only: other runs and tools may share the Redis. */
	static final String GENERATION_KEY = "catalog:test:" + UUID.randomUUID();

	static final String WRITER = TestTokens.forUser("905", "catalog:write");

	static ConfigurableApplicationContext otherReplica;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", () -> "127.0.0.1");
		registry.add("spring.data.redis.port", WRITER_LINK::port);
		registry.add("catalog.cache.redis-key", () -> GENERATION_KEY);
		// longer than the default, for a slow test machine
		registry.add("catalog.cache.invalidation-wait", () -> "15s");
	}

	@BeforeAll
	static void startOtherReplica() {
		otherReplica = CatalogReplicas.start(OTHER_LINK.port(), GENERATION_KEY);
	}

	@AfterAll
	static void stopOtherReplica() {
		CatalogReplicas.stop(otherReplica, GENERATION_KEY);
		WRITER_LINK.close();
		OTHER_LINK.close();
	}

	@Test
	void aPriceChangedWhileTheWriterLostRedisForAMomentIsTheOtherReplicasNextRead() {
		Map<String, Object> product = Map.of("id", "16");
		String original = price(other().post(PRODUCT, product, null));
		eventually("the product cached on the other replica",
				() -> CatalogReplicas.statementsFor(otherReplica, () -> other().post(PRODUCT, product, null)) == 0);
		String changed = CatalogReplicas.anotherPrice(original);

		WRITER_LINK.cut();
		CompletableFuture.runAsync(WRITER_LINK::restore, CompletableFuture.delayedExecutor(3, TimeUnit.SECONDS));
		CatalogReplicas.updatePrice(GraphQlHttpClient.forPort(this.port), WRITER, "16", changed);

		// The other replica reached Redis throughout: only the generation tells it.
		assertThat(price(other().post(PRODUCT, product, null))).isEqualTo(changed);
	}

	/** Checks the condition every 100 ms until it holds; fails after 45 s. */
	private static void eventually(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(what + " within 45 s").isLessThan(deadline);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static GraphQlHttpClient other() {
		return CatalogReplicas.client(otherReplica);
	}

}
