package dev.supergraph.catalog.cache;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the catalog's read cache ({@code catalog.cache.*}).
 *
 * @param enabled whether reads are cached at all ({@code CATALOG_CACHE_ENABLED})
 * @param maximumRows rows (products or categories) each region holds at most; a page of
 * 20 products counts 20
 * @param ttl how long an entry is served at most; invalidation does not depend on it, it
 * bounds memory and the staleness left when Redis cannot be told about a write
 * @param redisKey the Redis key of the shared generation, when Redis is configured
 * @param invalidationWait how long a write waits for Redis to advance the shared
 * generation before its response is sent, so that a short Redis outage does not leave
 * other replicas serving rows from before a write whose response the client already has
 */
@ConfigurationProperties("catalog.cache")
public record CatalogCacheProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("20000") @Min(1) long maximumRows, @DefaultValue("5m") @DurationMin(millis = 1) Duration ttl,
		@DefaultValue("catalog:cache:generation") @NotBlank String redisKey,
		@DefaultValue("2s") @DurationMin(millis = 0) Duration invalidationWait) {

}
