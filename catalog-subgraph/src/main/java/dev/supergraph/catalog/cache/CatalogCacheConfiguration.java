package dev.supergraph.catalog.cache;

import java.util.function.Consumer;

import dev.supergraph.starter.sharedstate.RedisConfigured;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
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
			ObjectProvider<StringRedisTemplate> redis, ObjectProvider<LettuceConnectionFactory> connections,
			Environment environment) {
		if (!properties.enabled()) {
			return CatalogCache.disabled();
		}
		CacheGeneration generation = RedisConfigured.in(environment)
				? new RedisGeneration(redis.getObject(), properties.redisKey(), properties.ttl(),
						properties.invalidationWait(), registry, connectionLost(connections))
				: new LocalGeneration();
		CatalogCache cache = CatalogCache.of(properties, generation);
		// cache.gets{result=hit|miss}, cache.puts, cache.evictions, cache.size per
		// region.
		cache.regions()
			.forEach((region, caffeine) -> CaffeineCacheMetrics.monitor(registry, caffeine, region.cacheName()));
		return cache;
	}

	/**
	 * Registers a callback for every connection of the Redis client that is lost. Lettuce
	 * calls it on the connection's own thread before it reconnects, so no command reaches
	 * a restarted Redis before the callback has run. The factory builds its client when
	 * the context starts, hence the lookup at the first call.
	 */
	private static Consumer<Runnable> connectionLost(ObjectProvider<LettuceConnectionFactory> connections) {
		return (callback) -> {
			AbstractRedisClient client = connections.getObject().getRequiredNativeClient();
			client.addListener(new RedisConnectionStateListener() {

				@Override
				public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
					callback.run();
				}

			});
		};
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
