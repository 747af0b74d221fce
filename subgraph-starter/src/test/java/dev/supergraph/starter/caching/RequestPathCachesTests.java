package dev.supergraph.starter.caching;

import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request-path cache's upkeep runs on the thread that uses the cache, not on another
 * pool's.
 */
class RequestPathCachesTests {

	@Test
	void evictsOnTheWritingThread() {
		AtomicReference<Thread> evictedOn = new AtomicReference<>();
		Cache<String, String> cache = RequestPathCaches.newBuilder()
			.maximumSize(1)
			.<String, String>removalListener((key, value, cause) -> evictedOn.set(Thread.currentThread()))
			.build();
		cache.put("first", "1");
		cache.put("second", "2");
		// Eviction and its listener ran during the writes: nothing is left to another
		// thread.
		assertThat(evictedOn.get()).isSameAs(Thread.currentThread());
		assertThat(cache.estimatedSize()).isEqualTo(1);
	}

}
