package dev.supergraph.starter.security;

import java.nio.file.Path;
import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API keys of machine clients, in the key file shared with the router (written by
 * {@code gateway-config/scripts/api-keys.mjs}).
 *
 * @param file the key file; unset, every API key is refused
 * @param reloadInterval how often the file is checked for changes, which bounds how long
 * a revoked key keeps working
 */
@ConfigurationProperties(prefix = "subgraph.security.api-keys", ignoreUnknownFields = false)
public record ApiKeyProperties(@Nullable Path file,
		@DefaultValue("1s") @DurationMin(nanos = 0) Duration reloadInterval) {

}
