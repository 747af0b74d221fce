package dev.supergraph.starter.ratelimit;

import java.time.Duration;
import java.util.Optional;

import io.github.bucket4j.BucketConfiguration;

/**
 * A budget of requests per client: a Bucket4j token bucket per client, refilled greedily
 * over a minute, kept in this process ({@link LocalRateLimiter}) or in Redis for all
 * replicas ({@link RedisRateLimiter}).
 */
interface ClientRateLimiter {

	/**
	 * Take one request from the client's budget.
	 * @param client the client's subject
	 * @return empty when allowed, else how long until the next request is
	 */
	Optional<Duration> tryAcquire(String client);

	/**
	 * The bucket of one client.
	 * @param requestsPerMinute the budget
	 * @return the bucket's configuration
	 */
	static BucketConfiguration budget(int requestsPerMinute) {
		return BucketConfiguration.builder()
			.addLimit(
					(limit) -> limit.capacity(requestsPerMinute).refillGreedy(requestsPerMinute, Duration.ofMinutes(1)))
			.build();
	}

}
