package dev.supergraph.starter.sharedstate;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a subgraph keeps shared state in Redis (used only when {@link RedisConfigured}).
 *
 * @param keyPrefix the start of every key the starter writes; give each environment
 * sharing a Redis its own
 * @param retryInterval after a failed Redis call, how long the process works without
 * Redis (rate limits open, replay memory local) before it tries Redis again, so an
 * unreachable Redis costs one timeout per interval, not one per request; also the longest
 * wait between reconnect attempts ({@link ReconnectDelay}), so a Redis that is back is
 * used again within about twice this
 */
@ConfigurationProperties(prefix = "subgraph.shared-state", ignoreUnknownFields = false)
public record SharedStateProperties(@DefaultValue("supergraph:") String keyPrefix,
		@DefaultValue("1s") @DurationMin(nanos = 0) Duration retryInterval) {

}
