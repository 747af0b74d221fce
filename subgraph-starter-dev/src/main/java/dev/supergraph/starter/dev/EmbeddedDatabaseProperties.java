package dev.supergraph.starter.dev;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param enabled whether to start one; it never starts with the {@code prod} profile, so
 * a missing URL fails at startup there instead of running on a throwaway database
 * @param port the port to listen on, {@code 0} for a free one
 */
@ConfigurationProperties(prefix = "subgraph.database.embedded", ignoreUnknownFields = false)
public record EmbeddedDatabaseProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0") int port) {

}
