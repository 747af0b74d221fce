package dev.supergraph.catalog.cache;

import dev.supergraph.starter.sharedstate.RedisConfigured;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The catalog cache: off with {@code catalog.cache.enabled=false}; otherwise Caffeine in
 * memory with the generation in memory, or in Redis when one is configured
 * ({@link RedisConfigured}: several replicas).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CatalogCacheProperties.class)
class CatalogCacheConfiguration {

	@Bean
	CatalogCache catalogCache(CatalogCacheProperties properties, MeterRegistry registry,
			ObjectProvider<StringRedisTemplate> redis, Environment environment) {
		if (!properties.enabled()) {
			return CatalogCache.disabled();
		}
		CacheGeneration generation = RedisConfigured.in(environment)
				? new RedisGeneration(redis.getObject(), properties.redisKey(), properties.ttl(), registry)
				: new LocalGeneration();
		CatalogCache cache = CatalogCache.of(properties, generation);
		// cache.gets{result=hit|miss}, cache.puts, cache.evictions, cache.size per
		// region.
		cache.regions()
			.forEach((region, caffeine) -> CaffeineCacheMetrics.monitor(registry, caffeine, region.cacheName()));
		return cache;
	}

	@Bean
	InvalidateAfterMutations invalidateAfterMutations(CatalogCache cache) {
		return new InvalidateAfterMutations(cache);
	}

	@Bean
	CatalogCacheEndpoint catalogCacheEndpoint(CatalogCache cache, CatalogCacheProperties properties) {
		return new CatalogCacheEndpoint(cache, properties);
	}

}
