package dev.supergraph.starter.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Accepts a router request's freshness stamp once, and only while it is recent: a stamp
 * older (or further in the future) than the maximum age is stale, a nonce already seen is
 * a replay. Nonces are remembered for twice the maximum age, in a bounded cache; only the
 * router can mint stamps, so the cache cannot be flooded from outside. The memory is per
 * process: with several replicas of a subgraph, a replay to another replica within the
 * maximum age still passes.
 */
final class ReplayGuard {

	private final Duration maxAge;

	private final Clock clock;

	private final Cache<String, Boolean> seen;

	ReplayGuard(Duration maxAge, Clock clock) {
		this.maxAge = maxAge;
		this.clock = clock;
		this.seen = Caffeine.newBuilder().expireAfterWrite(maxAge.multipliedBy(2)).maximumSize(1_000_000).build();
	}

	/**
	 * Whether a verified stamp is recent and used for the first time.
	 * @param stamp the stamp
	 * @return {@code true} to let the request through
	 */
	boolean firstUse(RouterSignature.Stamp stamp) {
		Instant now = this.clock.instant();
		if (Duration.between(stamp.sentAt(), now).abs().compareTo(this.maxAge) > 0) {
			return false;
		}
		return this.seen.asMap().putIfAbsent(stamp.nonce(), Boolean.TRUE) == null;
	}

}
