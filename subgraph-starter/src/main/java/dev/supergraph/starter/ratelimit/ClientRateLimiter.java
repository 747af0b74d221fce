package dev.supergraph.starter.ratelimit;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One Bucket4j token bucket per client, refilled greedily over a minute, in a bounded
 * Caffeine cache so a flood of distinct clients cannot exhaust memory.
 */
final class ClientRateLimiter {

	private final int requestsPerMinute;

	private final Cache<String, Bucket> buckets;

	ClientRateLimiter(int requestsPerMinute, int maxClients) {
		this.requestsPerMinute = requestsPerMinute;
		this.buckets = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(Duration.ofMinutes(2)).build();
	}

	/**
	 * Take one request from the client's budget.
	 * @param client the client's subject
	 * @return empty when allowed, else how long until the next request is
	 */
	Optional<Duration> tryAcquire(String client) {
		ConsumptionProbe probe = this.buckets.get(client, (key) -> newBucket()).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.requestsPerMinute)
				.refillGreedy(this.requestsPerMinute, Duration.ofMinutes(1))
				.build())
			.build();
	}

}
