package dev.supergraph.starter.sharedstate;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests' own Redis connections end with the test that opened them, their clients'
 * threads included, so that a test run does not pile up Lettuce event loops.
 */
class TestRedisTests {

	@Test
	void closingATestsConnectionsEndsTheThreadsOfTheirClients() throws InterruptedException {
		Set<Thread> before = lettuceThreads();
		try (TestRedis.Connections connections = new TestRedis.Connections()) {
			SharedRedis redis = connections.replica(TestRedis.sharedUrl(), TestRedis.ownPrefix(), Duration.ofSeconds(1),
					new SimpleMeterRegistry());
			TestRedis.connect(redis);
			assertThat(redis.call("test", (connection) -> connection.sync().ping())).contains("PONG");
			assertThat(startedSince(before)).as("a replica's client runs threads of its own").isNotEmpty();
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!startedSince(before).isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(startedSince(before)).as("threads left after the connections were closed").isEmpty();
	}

	private static Set<String> startedSince(Set<Thread> before) {
		return lettuceThreads().stream()
			.filter((thread) -> !before.contains(thread))
			.map(Thread::getName)
			.collect(Collectors.toSet());
	}

	private static Set<Thread> lettuceThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith("lettuce-"))
			.collect(Collectors.toSet());
	}

}
