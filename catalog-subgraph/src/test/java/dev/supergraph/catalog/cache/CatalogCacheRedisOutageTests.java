package dev.supergraph.catalog.cache;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.supergraph.catalog.cache.CatalogReplicas.PRODUCT;
import static dev.supergraph.catalog.cache.CatalogReplicas.price;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two catalog replicas on the same real PostgreSQL database, each reaching the real Redis
 * at 127.0.0.1:6379 through a link the test cuts: a price changed while Redis cannot be
 * reached is the other replica's answer once Redis answers again, although the write
 * could not advance the generation when it committed.
 */
@SubgraphTest
class CatalogCacheRedisOutageTests {

	static final RedisLink LINK = new RedisLink(6379);

	/** A key of this run only: other runs and tools may share the Redis. */
	static final String GENERATION_KEY = "catalog:test:" + UUID.randomUUID();

	static final String WRITER = TestTokens.forUser("904", "catalog:write");

	static ConfigurableApplicationContext otherReplica;

	@LocalServerPort
	int port;

	@Autowired
	ConfigurableApplicationContext context;

	@DynamicPropertySource
	static void redis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", () -> "127.0.0.1");
		registry.add("spring.data.redis.port", LINK::port);
		registry.add("catalog.cache.redis-key", () -> GENERATION_KEY);
	}

	@BeforeAll
	static void startOtherReplica() {
		otherReplica = CatalogReplicas.start(LINK.port(), GENERATION_KEY);
	}

	@AfterAll
	static void stopOtherReplica() {
		CatalogReplicas.stop(otherReplica, GENERATION_KEY);
		LINK.close();
	}

	@Test
	void aPriceChangedInAnOutageReachesAReplicaThatSawNothingOfItWithoutAnotherWrite() {
		Map<String, Object> product = Map.of("id", "13");
		String changed = cachedOnTheOtherReplica(product);

		LINK.cut();
		try {
			updatePrice("13", changed);
		}
		finally {
			LINK.restore();
		}
		// No request reaches the writer from here on: it advances the generation it owes
		// in the background once Redis answers. The other replica's cache has seen no
		// failure: its client reconnects on its own.
		awaitRedis(otherReplica);
		eventually("the new price on the other replica",
				() -> price(other().post(PRODUCT, product, null)).equals(changed));
		assertThat(CatalogReplicas.statementsFor(otherReplica, () -> other().post(PRODUCT, product, null))).isZero();
	}

	@Test
	void aReplicaThatSawTheOutageReadsNothingItStoredBefore() {
		Map<String, Object> product = Map.of("id", "14");
		String changed = cachedOnTheOtherReplica(product);

		LINK.cut();
		try {
			updatePrice("14", changed);
			// Redis unreachable: the read bypasses the cache.
			assertThat(price(other().post(PRODUCT, product, null))).isEqualTo(changed);
		}
		finally {
			LINK.restore();
		}
		// Only the other replica reaches Redis again; the writer has made no call since.
		awaitRedis(otherReplica);

		assertThat(price(other().post(PRODUCT, product, null))).isEqualTo(changed);
		// The cache serves again (once the writer's owed advance, which may come later,
		// has been made).
		awaitCachedOnTheOtherReplica(product);
	}

	@Test
	void aGenerationThatRedisLostIsNotReadAgainWithTheEntriesStoredUnderIt() {
		Map<String, Object> product = Map.of("id", "15");
		String changed = cachedOnTheOtherReplica(product);
		// The writer reaches Redis (an earlier test may have left it in an outage).
		eventually("the product cached on the writer",
				() -> CatalogReplicas.statementsFor(this.context, () -> here().post(PRODUCT, product, null)) == 0);
		String beforeTheWrite = directly((redis) -> redis.opsForValue().get(GENERATION_KEY));
		updatePrice("15", changed);
		assertThat(price(other().post(PRODUCT, product, null))).isEqualTo(changed);

		// Redis restarts from a snapshot taken before the write, or fails over to a
		// replica that had not received the write's advance: the connections end, and
		// the generation is one the other replica stored the old price under.
		LINK.cut();
		try {
			directly((redis) -> {
				redis.opsForValue().set(GENERATION_KEY, beforeTheWrite);
				return null;
			});
		}
		finally {
			LINK.restore();
		}
		awaitRedis(otherReplica);

		assertThat(price(other().post(PRODUCT, product, null))).isEqualTo(changed);
	}

	/** Runs commands on the real Redis, not through the link. */
	private static <T> T directly(Function<StringRedisTemplate, T> commands) {
		LettuceConnectionFactory connections = new LettuceConnectionFactory("127.0.0.1", 6379);
		connections.afterPropertiesSet();
		connections.start();
		try {
			return commands.apply(new StringRedisTemplate(connections));
		}
		finally {
			connections.destroy();
		}
	}

	/** Reads the product on the other replica until it is cached; answers a new price. */
	private String cachedOnTheOtherReplica(Map<String, Object> product) {
		String original = price(other().post(PRODUCT, product, null));
		awaitCachedOnTheOtherReplica(product);
		return CatalogReplicas.anotherPrice(original);
	}

	/** Waits until a read of the product on the other replica costs no SQL. */
	private static void awaitCachedOnTheOtherReplica(Map<String, Object> product) {
		eventually("the product cached on the other replica",
				() -> CatalogReplicas.statementsFor(otherReplica, () -> other().post(PRODUCT, product, null)) == 0);
	}

	private void updatePrice(String productId, String amount) {
		CatalogReplicas.updatePrice(here(), WRITER, productId, amount);
	}

	/**
	 * Waits until the replica's Redis client is connected again, without asking its
	 * cache.
	 */
	private static void awaitRedis(ConfigurableApplicationContext replica) {
		StringRedisTemplate redis = replica.getBean(StringRedisTemplate.class);
		eventually("Redis reached again", () -> answers(redis));
	}

	private static boolean answers(StringRedisTemplate redis) {
		try {
			redis.hasKey(GENERATION_KEY);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** Checks the condition every 100 ms until it holds; fails after 45 s. */
	private static void eventually(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(what + " within 45 s").isLessThan(deadline);
			sleep(Duration.ofMillis(100));
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private GraphQlHttpClient here() {
		return GraphQlHttpClient.forPort(this.port);
	}

	private static GraphQlHttpClient other() {
		return CatalogReplicas.client(otherReplica);
	}

}
