package dev.supergraph.starter.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.supergraph.starter.sharedstate.SharedRedis;
import dev.supergraph.starter.sharedstate.TestRedis;
import dev.supergraph.starter.testsubgraph.TestPorts;
import io.lettuce.core.KillArgs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay memory of router stamps in the real Redis, as two replicas see it: shared,
 * still whole after Redis forgot keys (a stamp used before is refused), and on each
 * replica's own memory while Redis is down.
 */
class RedisNoncesTests {

	private static final Duration MAX_AGE = Duration.ofSeconds(60);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void aStampUsedAtOneReplicaIsRefusedAtTheOther() {
		String prefix = TestRedis.ownPrefix();
		try {
			Replica first = replica(TestRedis.sharedUrl(), prefix);
			Replica second = replica(TestRedis.sharedUrl(), prefix);
			RouterSignature.Stamp stamp = freshStamp();
			assertThat(first.firstUse(stamp)).isTrue();
			assertThat(second.firstUse(stamp)).as("replayed to the other replica").isFalse();
			assertThat(first.firstUse(stamp)).as("replayed to the same replica").isFalse();
			assertThat(second.firstUse(freshStamp())).isTrue();
			assertThat(restarts("lost") + restarts("reconnected")).isZero();
		}
		finally {
			// the marker never expires: no key of this run stays in the shared Redis
			TestRedis.administer(TestRedis.sharedUrl(), (commands) -> commands.del(prefix + "replay-since"));
		}
	}

	@Test
	void whenRedisForgetsEveryKeyTheStampsIssuedBeforeAreRefusedAtEveryReplica() {
		try (TestRedis.OwnServer redis = new TestRedis.OwnServer(TestPorts.free())) {
			String prefix = TestRedis.ownPrefix();
			Replica first = replica(redis.url(), prefix);
			Replica second = replica(redis.url(), prefix);
			RouterSignature.Stamp used = freshStamp();
			RouterSignature.Stamp unused = freshStamp();
			assertThat(first.firstUse(used)).isTrue();
			TestRedis.administer(redis.url(), (commands) -> commands.flushall());
			assertThat(second.firstUse(used)).as("replayed to the other replica").isFalse();
			assertThat(second.firstUse(unused)).as("issued before: possibly used").isFalse();
			assertThat(first.firstUse(unused)).as("at every replica").isFalse();
			RouterSignature.Stamp after = freshStamp();
			assertThat(second.firstUse(after)).isTrue();
			assertThat(first.firstUse(after)).as("replayed to the other replica").isFalse();
			assertThat(restarts("lost")).as("reported once").isEqualTo(1);
			assertThat(restarts("reconnected")).isZero();
		}
	}

	@Test
	void afterARestartWithoutPersistenceTheStampsIssuedBeforeAreRefused() {
		try (TestRedis.OwnServer redis = new TestRedis.OwnServer(TestPorts.free())) {
			String prefix = TestRedis.ownPrefix();
			Replica first = replica(redis.url(), prefix);
			Replica second = replica(redis.url(), prefix);
			RouterSignature.Stamp used = freshStamp();
			assertThat(first.firstUse(used)).isTrue();
			redis.stop();
			redis.start();
			second.awaitRedis();
			assertThat(second.firstUse(used)).as("replayed to the other replica").isFalse();
			first.awaitRedis();
			RouterSignature.Stamp after = freshStamp();
			assertThat(first.firstUse(after)).isTrue();
			assertThat(second.firstUse(after)).as("replayed to the other replica").isFalse();
			// the first check after the restart found the memory lost, the other
			// replica's
			// first check that its connection was lost
			assertThat(restarts("lost")).isEqualTo(1);
			assertThat(restarts("reconnected")).isEqualTo(1);
		}
	}

	@Test
	void afterAFailoverToARedisWithoutTheLatestNoncesTheStampsIssuedBeforeAreRefused() {
		try (TestRedis.OwnServer redis = new TestRedis.OwnServer(TestPorts.free())) {
			String prefix = TestRedis.ownPrefix();
			Replica first = replica(redis.url(), prefix);
			Replica second = replica(redis.url(), prefix);
			RouterSignature.Stamp used = freshStamp();
			assertThat(first.firstUse(used)).isTrue();
			// what a failover to a replica the last write had not reached leaves: the
			// marker, older, without the nonce; Sentinel ends the clients' connections
			TestRedis.administer(redis.url(), (commands) -> {
				commands.del(prefix + "replay:" + used.nonce());
				commands.clientKill(KillArgs.Builder.typeNormal());
			});
			second.awaitRedis();
			assertThat(second.firstUse(used)).as("replayed to the other replica").isFalse();
			first.awaitRedis();
			RouterSignature.Stamp after = freshStamp();
			assertThat(second.firstUse(after)).isTrue();
			assertThat(first.firstUse(after)).as("replayed to the other replica").isFalse();
			assertThat(restarts("lost")).isZero();
			assertThat(restarts("reconnected")).as("once per replica").isEqualTo(2);
		}
	}

	@Test
	void whenRedisStopsEachReplicaStillRefusesTheStampsItHasSeenAndCountsWhatItAcceptedAlone() {
		try (TestRedis.OwnServer redis = new TestRedis.OwnServer(TestPorts.free())) {
			String prefix = TestRedis.ownPrefix();
			Replica first = replica(redis.url(), prefix);
			Replica second = replica(redis.url(), prefix);
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

	private Replica replica(String url, String prefix) {
		SharedRedis redis = TestRedis.replica(url, prefix, Duration.ofSeconds(1), this.registry);
		NonceMemory nonces = new RedisNonces(redis, new LocalNonces(MAX_AGE.multipliedBy(2)), Clock.systemUTC(),
				this.registry);
		TestRedis.connect(redis);
		return new Replica(redis, new ReplayGuard(MAX_AGE, Clock.systemUTC(), nonces));
	}

	private double restarts(String cause) {
		return this.registry.get("subgraph.replay.memory.restarts").tag("cause", cause).counter().count();
	}

	private static RouterSignature.Stamp freshStamp() {
		return new RouterSignature.Stamp(Instant.now(), UUID.randomUUID().toString().replace("-", ""));
	}

	private record Replica(SharedRedis redis, ReplayGuard guard) {

		boolean firstUse(RouterSignature.Stamp stamp) {
			return this.guard.firstUse(stamp);
		}

		/** Waits until this replica reaches Redis again, without checking a stamp. */
		void awaitRedis() {
			long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			while (this.redis.call("await", (connection) -> connection.sync().ping()).isEmpty()) {
				assertThat(System.nanoTime()).as("reconnected within 15 s").isLessThan(deadline);
				pause();
			}
		}

		private static void pause() {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
