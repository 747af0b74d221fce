package dev.supergraph.starter.ratelimit;

import java.time.Duration;
import java.util.Optional;

import dev.supergraph.starter.caching.RequestPathCaches;
import com.github.benmanes.caffeine.cache.Cache;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * The budgets in this process (no Redis configured): correct for one replica. A bounded
 * Caffeine cache holds the buckets, so a flood of distinct clients cannot exhaust memory.
 */
final class LocalRateLimiter implements ClientRateLimiter {

	private final BucketConfiguration budget;

	private final Cache<String, Bucket> buckets;

	LocalRateLimiter(int requestsPerMinute, int maxClients) {
		this.budget = ClientRateLimiter.budget(requestsPerMinute);
		this.buckets = RequestPathCaches.newBuilder()
			.maximumSize(maxClients)
			.expireAfterAccess(Duration.ofMinutes(2))
			.build();
	}

	@Override
	public Optional<Duration> tryAcquire(String client) {
		ConsumptionProbe probe = this.buckets.get(client, (key) -> newBucket()).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	private Bucket newBucket() {
		return Bucket.builder().addLimit(this.budget.getBandwidths()[0]).build();
	}

}
