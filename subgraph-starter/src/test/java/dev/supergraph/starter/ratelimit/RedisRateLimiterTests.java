package dev.supergraph.starter.ratelimit;

import java.time.Duration;

import dev.supergraph.starter.sharedstate.SharedRedis;
import dev.supergraph.starter.sharedstate.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limit budgets in the real Redis, as two replicas of one subgraph see them.
 */
class RedisRateLimiterTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@AutoClose
	private final TestRedis.Connections connections = new TestRedis.Connections();

	@Test
	void twoReplicasDrawOnOneBudgetPerClient() {
		String prefix = TestRedis.ownPrefix();
		ClientRateLimiter first = limiter(TestRedis.sharedUrl(), prefix, 3);
		ClientRateLimiter second = limiter(TestRedis.sharedUrl(), prefix, 3);
		assertThat(first.tryAcquire("user-1")).isEmpty();
		assertThat(second.tryAcquire("user-1")).isEmpty();
		assertThat(first.tryAcquire("user-1")).isEmpty();
		assertThat(second.tryAcquire("user-1")).as("the fourth request of a budget of three, on either replica")
			.hasValueSatisfying(
					(retryAfter) -> assertThat(retryAfter).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20)));
		assertThat(first.tryAcquire("user-1")).isPresent();
		assertThat(second.tryAcquire("user-2")).as("another client's budget").isEmpty();
		// registered at zero from the start, so that an alert on its rate sees an
		// outage's first failures
		assertThat(this.registry.get("subgraph.redis.failures").tag("use", "rate-limit").counter().count()).isZero();
	}

	@Test
	void whenRedisStopsRequestsPassCountedAndTheBudgetIsSharedAgainWhenItReturns() {
		try (TestRedis.OwnServer redis = new TestRedis.OwnServer()) {
			ClientRateLimiter limiter = limiter(redis.url(), TestRedis.ownPrefix(), 1);
			assertThat(limiter.tryAcquire("user-1")).isEmpty();
			assertThat(limiter.tryAcquire("user-1")).isPresent();
			redis.stop();
			assertThat(limiter.tryAcquire("user-1")).as("fail open").isEmpty();
			assertThat(limiter.tryAcquire("user-1")).as("fail open").isEmpty();
			assertThat(this.registry.get("subgraph.redis.failures").tag("use", "rate-limit").counter().count())
				.isEqualTo(2);
			redis.start();
			awaitLimiting(limiter);
			// an empty Redis after its restart: a full budget again, then shared as
			// before
			assertThat(limiter.tryAcquire("user-1")).isEmpty();
			assertThat(limiter.tryAcquire("user-1")).isPresent();
		}
	}

	/**
	 * Until a budget of one is enforced again (while Redis fails, every request passes).
	 */
	private static void awaitLimiting(ClientRateLimiter limiter) {
		for (int attempt = 0; attempt < 100; attempt++) {
			String probe = "probe-" + attempt;
			limiter.tryAcquire(probe);
			if (limiter.tryAcquire(probe).isPresent()) {
				return;
			}
			pause();
		}
		throw new AssertionError("the limiter did not use Redis again within 10 s");
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private ClientRateLimiter limiter(String url, String prefix, int requestsPerMinute) {
		SharedRedis redis = this.connections.replica(url, prefix, Duration.ofMillis(300), this.registry);
		return new RedisRateLimiter(redis, "catalog", requestsPerMinute);
	}

}
