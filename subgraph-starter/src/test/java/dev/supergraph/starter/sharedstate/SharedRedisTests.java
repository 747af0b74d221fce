package dev.supergraph.starter.sharedstate;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared-state connection against a Redis of the test's own: it connects before the
 * subgraph reports ready, gives up after its patience when Redis is down, and leaves
 * Redis alone for the retry interval after a failure.
 */
class SharedRedisTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@AutoClose
	private final TestRedis.Connections connections = new TestRedis.Connections();

	@Test
	void connectsBeforeReadyOrGivesUpAfterItsPatience() {
		try (TestRedis.OwnServer server = new TestRedis.OwnServer()) {
			SharedRedis redis = this.connections.replica(server.url(), TestRedis.ownPrefix(), Duration.ofMillis(500),
					this.registry);
			redis.connect(Duration.ofSeconds(5));
			assertThat(redis.call("test", (connection) -> connection.sync().ping())).contains("PONG");
			server.stop();
			long started = System.nanoTime();
			redis.connect(Duration.ofMillis(600));
			assertThat(System.nanoTime() - started).isBetween(600_000_000L, 5_000_000_000L);
			assertThat(this.registry.get("subgraph.redis.failures").tag("use", "connect").counter().count())
				.isEqualTo(1);
		}
	}

	@Test
	void afterAFailureRedisIsLeftAloneForTheRetryIntervalThenUsedAgain() throws InterruptedException {
		try (TestRedis.OwnServer server = new TestRedis.OwnServer()) {
			SharedRedis redis = this.connections.replica(server.url(), TestRedis.ownPrefix(), Duration.ofMillis(500),
					this.registry);
			redis.connect(Duration.ofSeconds(5));
			server.stop();
			assertThat(redis.call("test", (connection) -> connection.sync().ping())).isEmpty();
			server.start();
			assertThat(redis.call("test", (connection) -> connection.sync().ping())).as("left alone").isEmpty();
			assertThat(this.registry.get("subgraph.redis.failures").tag("use", "test").counter().count()).isEqualTo(2);
			Thread.sleep(600);
			// past the interval Redis is asked again, and answers once the client has
			// reconnected
			boolean answered = false;
			for (int attempt = 0; attempt < 50 && !answered; attempt++) {
				answered = redis.call("test", (connection) -> connection.sync().ping()).isPresent();
				Thread.sleep(100);
			}
			assertThat(answered).isTrue();
		}
	}

}
