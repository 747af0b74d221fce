package dev.supergraph.starter.ratelimit;

import java.time.Duration;
import java.util.Optional;

import dev.supergraph.starter.sharedstate.SharedRedis;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.api.StatefulRedisConnection;
import org.jspecify.annotations.Nullable;

/**
 * The budgets in Redis, one bucket per client shared by every replica of the subgraph
 * (Bucket4j's compare-and-swap Lettuce backend): a client gets its budget once, however
 * many replicas serve it. A bucket's key expires once it would be full again. When Redis
 * fails the request is allowed (fail open): the router's own limit still stands in front,
 * and {@code subgraph.redis.failures{use=rate-limit}} counts each such request.
 */
final class RedisRateLimiter implements ClientRateLimiter {

	private final SharedRedis redis;

	private final String application;

	private final BucketConfiguration budget;

	private volatile @Nullable Backend backend;

	RedisRateLimiter(SharedRedis redis, String application, int requestsPerMinute) {
		this.redis = redis;
		redis.declare("rate-limit");
		this.application = application;
		this.budget = ClientRateLimiter.budget(requestsPerMinute);
	}

	@Override
	public Optional<Duration> tryAcquire(String client) {
		String key = this.redis.key("rate-limit", this.application, client);
		Optional<ConsumptionProbe> probe = this.redis.call("rate-limit",
				(connection) -> buckets(connection).builder()
					.build(key, () -> this.budget)
					.tryConsumeAndReturnRemaining(1));
		return probe.filter((consumed) -> !consumed.isConsumed())
			.map((refused) -> Duration.ofNanos(refused.getNanosToWaitForRefill()));
	}

	private LettuceBasedProxyManager<String> buckets(StatefulRedisConnection<String, byte[]> connection) {
		Backend current = this.backend;
		if (current == null || current.connection() != connection) {
			current = new Backend(connection,
					Bucket4jLettuce.casBasedBuilder(connection)
						.expirationAfterWrite(
								ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
						.build());
			this.backend = current;
		}
		return current.buckets();
	}

	private record Backend(StatefulRedisConnection<String, byte[]> connection,
			LettuceBasedProxyManager<String> buckets) {

	}

}
