package dev.supergraph.starter.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.supergraph.starter.sharedstate.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay memory of router stamps in the real Redis, as two replicas see it.
 */
class RedisNoncesTests {

	private static final Duration MAX_AGE = Duration.ofSeconds(60);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void aStampUsedAtOneReplicaIsRefusedAtTheOther() {
		String prefix = TestRedis.ownPrefix();
		ReplayGuard first = replica(TestRedis.sharedUrl(), prefix);
		ReplayGuard second = replica(TestRedis.sharedUrl(), prefix);
		RouterSignature.Stamp stamp = freshStamp();
		assertThat(first.firstUse(stamp)).isTrue();
		assertThat(second.firstUse(stamp)).as("replayed to the other replica").isFalse();
		assertThat(first.firstUse(stamp)).as("replayed to the same replica").isFalse();
		assertThat(second.firstUse(freshStamp())).isTrue();
	}

	@Test
	void whenRedisStopsEachReplicaStillRefusesTheStampsItHasSeenAndCountsWhatItAcceptedAlone() {
		try (TestRedis.OwnServer redis = new TestRedis.OwnServer()) {
			String prefix = TestRedis.ownPrefix();
			ReplayGuard first = replica(redis.url(), prefix);
			ReplayGuard second = replica(redis.url(), prefix);
			RouterSignature.Stamp before = freshStamp();
			assertThat(first.firstUse(before)).isTrue();
			redis.stop();
			RouterSignature.Stamp during = freshStamp();
			assertThat(first.firstUse(during)).as("the API stays up").isTrue();
			assertThat(first.firstUse(before)).as("seen before the outage").isFalse();
			assertThat(first.firstUse(during)).as("seen during the outage").isFalse();
			// the documented gap: another replica cannot know this stamp while Redis is
			// down
			assertThat(second.firstUse(during)).isTrue();
			assertThat(this.registry.get("subgraph.redis.failures").tag("use", "replay-guard").counter().count())
				.isEqualTo(2);
		}
	}

	private ReplayGuard replica(String url, String prefix) {
		NonceMemory nonces = new RedisNonces(TestRedis.replica(url, prefix, Duration.ofSeconds(1), this.registry),
				new LocalNonces(MAX_AGE.multipliedBy(2)));
		return new ReplayGuard(MAX_AGE, Clock.systemUTC(), nonces);
	}

	private static RouterSignature.Stamp freshStamp() {
		return new RouterSignature.Stamp(Instant.now(), UUID.randomUUID().toString().replace("-", ""));
	}

}
