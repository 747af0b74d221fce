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
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay memory of router stamps in the real Redis, as two replicas see it: shared,
 * still whole after Redis forgot keys (a stamp used before is refused), and on each
 * replica's own memory while Redis is down.
 */
class RedisNoncesTests {

	private static final Duration MAX_AGE = Duration.ofSeconds(60);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@AutoClose
	private final TestRedis.Connections connections = new TestRedis.Connections();

	private final String prefix = TestRedis.ownPrefix();

	private Replica first;

	private Replica second;

	@Test
	void aStampUsedAtOneReplicaIsRefusedAtTheOther() {
		try {
			startTwoReplicas(TestRedis.sharedUrl());
			RouterSignature.Stamp stamp = freshStamp();
			assertThat(this.first.firstUse(stamp)).isTrue();
			assertThat(this.second.firstUse(stamp)).as("replayed to the other replica").isFalse();
			assertThat(this.first.firstUse(stamp)).as("replayed to the same replica").isFalse();
			assertThat(this.second.firstUse(freshStamp())).isTrue();
			assertThat(restarts("lost") + restarts("reconnected")).isZero();
		}
		finally {
			// the marker never expires: no key of this run stays in the shared Redis
			TestRedis.administer(TestRedis.sharedUrl(), (commands) -> commands.del(this.prefix + "replay-since"));
		}
	}

	@Test
	void whenRedisForgetsEveryKeyTheStampsIssuedBeforeAreRefusedAtEveryReplica() {
		try (TestRedis.OwnServer redis = new TestRedis.OwnServer(TestPorts.free())) {
			startTwoReplicas(redis.url());
			RouterSignature.Stamp used = freshStamp();
			RouterSignature.Stamp unused = freshStamp();
			assertThat(this.first.firstUse(used)).isTrue();
			TestRedis.administer(redis.url(), (commands) -> commands.flushall());
			assertThat(this.second.firstUse(used)).as("replayed to the other replica").isFalse();
			assertThat(this.second.firstUse(unused)).as("issued before: possibly used").isFalse();
			assertThat(this.first.firstUse(unused)).as("at every replica").isFalse();
			RouterSignature.Stamp after = freshStamp();
			assertThat(this.second.firstUse(after)).isTrue();
			assertThat(this.first.firstUse(after)).as("replayed to the other replica").isFalse();
			assertThat(restarts("lost")).as("reported once").isEqualTo(1);
			assertThat(restarts("reconnected")).isZero();
		}
	}

	@ParameterizedTest
	@EnumSource
	void afterRedisCameBackWithoutTheLatestNoncesTheStampsIssuedBeforeAreRefused(Comeback comeback) {
		try (TestRedis.OwnServer redis = new TestRedis.OwnServer(TestPorts.free())) {
			startTwoReplicas(redis.url());
			RouterSignature.Stamp used = freshStamp();
			assertThat(this.first.firstUse(used)).isTrue();
			comeback.happen(redis, this.prefix + "replay:" + used.nonce());
			this.second.awaitRedis();
			assertThat(this.second.firstUse(used)).as("replayed to the other replica").isFalse();
			this.first.awaitRedis();
			RouterSignature.Stamp after = freshStamp();
			assertThat(this.first.firstUse(after)).isTrue();
			assertThat(this.second.firstUse(after)).as("replayed to the other replica").isFalse();
			assertThat(restarts("lost")).as("memory found lost").isEqualTo(comeback.memoryLost);
			assertThat(restarts("reconnected")).as("connection found lost").isEqualTo(comeback.connectionsLost);
		}
	}

	@Test
	void whenRedisStopsEachReplicaStillRefusesTheStampsItHasSeenAndCountsWhatItAcceptedAlone() {
		try (TestRedis.OwnServer redis = new TestRedis.OwnServer(TestPorts.free())) {
			startTwoReplicas(redis.url());
			RouterSignature.Stamp before = freshStamp();
			assertThat(this.first.firstUse(before)).isTrue();
			redis.stop();
			RouterSignature.Stamp during = freshStamp();
			assertThat(this.first.firstUse(during)).as("the API stays up").isTrue();
			assertThat(this.first.firstUse(before)).as("seen before the outage").isFalse();
			assertThat(this.first.firstUse(during)).as("seen during the outage").isFalse();
			// the documented gap: another replica cannot know this stamp while Redis is
			// down
			assertThat(this.second.firstUse(during)).isTrue();
			assertThat(this.registry.get("subgraph.redis.failures").tag("use", "replay-guard").counter().count())
				.isEqualTo(2);
		}
	}

	/** Two replicas of one subgraph, sharing this test's key prefix in a Redis. */
	private void startTwoReplicas(String url) {
		this.first = replica(url);
		this.second = replica(url);
	}

	private Replica replica(String url) {
		SharedRedis redis = this.connections.replica(url, this.prefix, Duration.ofSeconds(1), this.registry);
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

	/**
	 * How Redis comes back after the first replica used a stamp, without that stamp's
	 * nonce; each replica's first check afterwards finds what was lost.
	 */
	enum Comeback {

		/**
		 * A restart without persistence: every key is gone. The first check after it
		 * finds the memory lost, the other replica's first check that its connection was
		 * lost.
		 */
		RESTART_WITHOUT_PERSISTENCE(1, 1) {
			@Override
			void happen(TestRedis.OwnServer redis, String usedNonceKey) {
				redis.stop();
				redis.start();
			}
		},

		/**
		 * A failover to a replica the last write had not reached: the marker, older,
		 * without the nonce; Sentinel ends the clients' connections, which each replica
		 * finds lost.
		 */
		FAILOVER_TO_A_REPLICA_WITHOUT_THE_LAST_WRITE(0, 2) {
			@Override
			void happen(TestRedis.OwnServer redis, String usedNonceKey) {
				TestRedis.administer(redis.url(), (commands) -> {
					commands.del(usedNonceKey);
					commands.clientKill(KillArgs.Builder.typeNormal());
				});
			}
		};

		final int memoryLost;

		final int connectionsLost;

		Comeback(int memoryLost, int connectionsLost) {
			this.memoryLost = memoryLost;
			this.connectionsLost = connectionsLost;
		}

		/**
		 * Makes Redis come back this way.
		 * @param redis the test's Redis
		 * @param usedNonceKey the key of the used stamp's nonce
		 */
		abstract void happen(TestRedis.OwnServer redis, String usedNonceKey);

	}

}
