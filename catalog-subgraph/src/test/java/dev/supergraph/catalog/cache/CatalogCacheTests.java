package dev.supergraph.catalog.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The cache's rules on their own: what it stores, what it never stores, and that an
 * invalidation wins over a load that was running when it happened.
 */
class CatalogCacheTests {

	final CatalogCache cache = CatalogCache.of(
			new CatalogCacheProperties(true, 100, Duration.ofMinutes(5), "unused", Duration.ZERO),
			new LocalGeneration());

	final AtomicInteger loads = new AtomicInteger();

	@Test
	void secondReadOfAKeyIsServedWithoutLoading() {
		assertThat(read("a", "one")).isEqualTo("one");
		assertThat(read("a", "two")).isEqualTo("one");
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void invalidateMakesTheNextReadLoad() {
		read("a", "old");
		this.cache.invalidate();
		assertThat(read("a", "new")).isEqualTo("new");
	}

	@Test
	void aLoadThatFailedIsNotCached() {
		assertThatIllegalStateException().isThrownBy(() -> this.cache.get(CacheRegion.PRODUCTS, "a", () -> {
			throw new IllegalStateException("database down");
		}));
		assertThat(read("a", "loaded")).isEqualTo("loaded");
	}

	@Test
	void rowsLoadedBeforeAnInvalidationAreNotServedAfterIt() {
		// The read started, the write committed and invalidated, then the read stored its
		// old rows: they sit under the old generation and are never read again.
		this.cache.get(CacheRegion.PRODUCTS, "a", () -> {
			this.cache.invalidate();
			return "old";
		});
		assertThat(read("a", "new")).isEqualTo("new");
	}

	@Test
	void batchReadsLoadOnlyTheMissingKeysAndDoNotCacheUnknownOnes() {
		this.cache.getAll(CacheRegion.PRODUCTS, List.of(1L, 2L), (missing) -> Map.of(1L, "one", 2L, "two"));
		List<Set<Long>> asked = new java.util.ArrayList<>();
		Map<Long, String> found = this.cache.getAll(CacheRegion.PRODUCTS, List.of(1L, 2L, 3L, 4L), (missing) -> {
			asked.add(missing);
			return Map.of(3L, "three");
		});
		assertThat(found).containsOnly(Map.entry(1L, "one"), Map.entry(2L, "two"), Map.entry(3L, "three"));
		this.cache.getAll(CacheRegion.PRODUCTS, List.of(4L), (missing) -> {
			asked.add(missing);
			return Map.of();
		});
		assertThat(asked).containsExactly(Set.of(3L, 4L), Set.of(4L));
	}

	@Test
	void aRegionHoldsAtMostItsMaximumRows() {
		for (int page = 0; page < 50; page++) {
			this.cache.get(CacheRegion.PRODUCT_PAGES, page, () -> List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
		}
		var region = this.cache.regions().get(CacheRegion.PRODUCT_PAGES);
		region.cleanUp();
		assertThat(region.estimatedSize() * 10).isLessThanOrEqualTo(100);
	}

	@Test
	void aDisabledCacheAlwaysLoads() {
		CatalogCache disabled = CatalogCache.disabled();
		disabled.get(CacheRegion.PRODUCTS, "a", () -> "x" + this.loads.incrementAndGet());
		disabled.get(CacheRegion.PRODUCTS, "a", () -> "x" + this.loads.incrementAndGet());
		assertThat(this.loads).hasValue(2);
		assertThat(disabled.mode()).isEqualTo("off");
	}

	@Test
	void whenRedisDoesNotAnswerReadsBypassTheCacheAndWritesStillSucceed() {
		LettuceConnectionFactory unreachable = new LettuceConnectionFactory("127.0.0.1", 1);
		unreachable.afterPropertiesSet();
		unreachable.start();
		try {
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			RedisGeneration generation = new RedisGeneration(new StringRedisTemplate(unreachable), "k",
					Duration.ofSeconds(2), Duration.ofMillis(300), registry, (connectionLost) -> {
					});
			CatalogCache redisCache = CatalogCache
				.of(new CatalogCacheProperties(true, 100, Duration.ofMinutes(5), "k", Duration.ZERO), generation);
			redisCache.get(CacheRegion.PRODUCTS, "a", () -> "x" + this.loads.incrementAndGet());
			redisCache.invalidate();
			assertThat(redisCache.get(CacheRegion.PRODUCTS, "a", () -> "x" + this.loads.incrementAndGet()))
				.isEqualTo("x2");
			// Only the first read called Redis: for a second after a failure the others
			// bypass the cache without waiting for Redis's timeout. The write tried for
			// its invalidation wait and is counted once.
			assertThat(registry.get("catalog.cache.generation.failures").tag("operation", "read").counter().count())
				.isEqualTo(1);
			assertThat(registry.get("catalog.cache.generation.failures").tag("operation", "advance").counter().count())
				.isEqualTo(1);
		}
		finally {
			unreachable.destroy();
		}
	}

	private String read(String key, String value) {
		return this.cache.get(CacheRegion.PRODUCTS, key, () -> {
			this.loads.incrementAndGet();
			return value;
		});
	}

}
