package dev.supergraph.catalog.cache;

import java.util.LinkedHashMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.stats.CacheStats;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/catalogcache} (exposed only when listed in
 * {@code management.endpoints.web.exposure.include}): the cache's mode and regions, and a
 * {@code DELETE} that invalidates every replica sharing the generation, for data changed
 * outside the API (a manual SQL fix).
 */
@Endpoint(id = "catalogcache")
class CatalogCacheEndpoint {

	private final CatalogCache cache;

	private final CatalogCacheProperties properties;

	CatalogCacheEndpoint(CatalogCache cache, CatalogCacheProperties properties) {
		this.cache = cache;
		this.properties = properties;
	}

	@ReadOperation
	Map<String, Object> describe() {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("mode", this.cache.mode());
		this.cache.generation().ifPresent((generation) -> description.put("generation", generation));
		description.put("maximumRows", this.properties.maximumRows());
		description.put("ttl", this.properties.ttl().toString());
		description.put("invalidationWait", this.properties.invalidationWait().toString());
		Map<String, Object> regions = new LinkedHashMap<>();
		this.cache.regions().forEach((region, caffeine) -> {
			CacheStats stats = caffeine.stats();
			regions.put(region.cacheName(), Map.of("entries", caffeine.estimatedSize(), "hits", stats.hitCount(),
					"misses", stats.missCount(), "hitRate", stats.hitRate()));
		});
		description.put("regions", regions);
		return description;
	}

	@DeleteOperation
	void invalidate() {
		this.cache.invalidate();
	}

}
