package dev.supergraph.starter.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Accepts a router request's freshness stamp once, and only while it is recent: a stamp
 * older (or further in the future) than the maximum age is stale, a nonce already seen is
 * a replay. Nonces are remembered for twice the maximum age ({@link NonceMemory}): in
 * this process, or in Redis for all replicas of all subgraphs, where a stamp issued
 * before the shared memory was last lost is refused as possibly used
 * ({@link RedisNonces}).
 */
final class ReplayGuard {

	private final Duration maxAge;

	private final Clock clock;

	private final NonceMemory nonces;

	ReplayGuard(Duration maxAge, Clock clock, NonceMemory nonces) {
		this.maxAge = maxAge;
		this.clock = clock;
		this.nonces = nonces;
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
		return this.nonces.firstUse(stamp, this.maxAge.multipliedBy(2));
	}

}
