package dev.supergraph.starter.ratelimit;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The subgraph's own rate limit per authenticated client (user or API key), a backstop
 * behind the router's per root field limit: generous enough that the router's limit
 * answers first, so it only bites when the router is bypassed or misconfigured. Anonymous
 * requests are not limited here: behind the router they all come from the router's
 * address, and the router limits them by theirs.
 *
 * @param requestsPerMinute requests per client and minute; 0 turns the limit off
 * @param maxClients most clients tracked at once in memory (least recently seen ones are
 * dropped); in Redis a client's bucket expires once it is full again
 */
@ConfigurationProperties(prefix = "subgraph.rate-limit", ignoreUnknownFields = false)
public record RateLimitProperties(@DefaultValue("1200") @Min(0) int requestsPerMinute,
		@DefaultValue("100000") @Min(1) int maxClients) {

}
