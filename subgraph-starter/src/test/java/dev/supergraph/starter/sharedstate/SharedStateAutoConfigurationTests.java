package dev.supergraph.starter.sharedstate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.supergraph.starter.testsubgraph.TestPorts;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared state goes to Redis exactly when {@code spring.data.redis.host} or {@code .url}
 * is set, through the client Spring Boot configures from them.
 */
class SharedStateAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, SharedStateAutoConfiguration.class));

	@Test
	void withoutRedisConfiguredStateStaysInTheProcess() {
		this.contexts.run((context) -> {
			assertThat(context).doesNotHaveBean(SharedRedis.class);
			assertThat(RedisConfigured.in(context.getEnvironment())).isFalse();
		});
	}

	@Test
	void withARedisUrlStateGoesToThatRedisUnderTheConfiguredPrefix() {
		String prefix = TestRedis.ownPrefix();
		this.contexts
			.withPropertyValues("spring.data.redis.url=" + TestRedis.sharedUrl(),
					"subgraph.shared-state.key-prefix=" + prefix)
			.run((context) -> {
				SharedRedis redis = context.getBean(SharedRedis.class);
				String key = redis.key("probe");
				assertThat(key).isEqualTo(prefix + "probe");
				assertThat(redis.call("test", (connection) -> connection.sync().setex(key, 5, bytes("yes"))))
					.contains("OK");
				assertThat(redis.call("test",
						(connection) -> new String(connection.sync().get(key), StandardCharsets.UTF_8)))
					.contains("yes");
			});
	}

	@Test
	void aHostAloneCountsAsConfigured() {
		this.contexts.withPropertyValues("spring.data.redis.host=127.0.0.1")
			.run((context) -> assertThat(context).hasSingleBean(SharedRedis.class));
	}

	@Test
	void aSentinelAloneCountsAsConfigured() {
		new ApplicationContextRunner().withUserConfiguration(RedisAsAutoConfigured.class)
			.withPropertyValues("spring.data.redis.sentinel.master=shared",
					"spring.data.redis.sentinel.nodes=127.0.0.1:26379")
			.run((context) -> assertThat(context).hasSingleBean(RedisConnectionFactory.class)
				.hasSingleBean(SharedRedis.class));
	}

	@Test
	void aClusterCountsAsConfiguredSoItFailsInSight() {
		this.contexts.withPropertyValues("spring.data.redis.cluster.nodes=127.0.0.1:7000")
			.run((context) -> assertThat(context).hasSingleBean(SharedRedis.class));
		this.contexts.withPropertyValues("spring.data.redis.cluster.nodes[0]=127.0.0.1:7000")
			.run((context) -> assertThat(context).hasSingleBean(SharedRedis.class));
	}

	@Test
	void springBootsRedisClientIsNotBuiltWithoutARedis() {
		// Through Spring Boot's import selector, as an application's auto-configuration
		// is.
		new ApplicationContextRunner().withUserConfiguration(RedisAsAutoConfigured.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(RedisConnectionFactory.class)
				.doesNotHaveBean(SharedRedis.class));
	}

	@Test
	void springBootsRedisClientIsTheOneUsedWithARedis() {
		new ApplicationContextRunner().withUserConfiguration(RedisAsAutoConfigured.class)
			.withPropertyValues("spring.data.redis.url=" + TestRedis.sharedUrl())
			.run((context) -> {
				assertThat(context).hasSingleBean(RedisConnectionFactory.class);
				assertThat(context.getBean(SharedRedis.class).call("test", (connection) -> connection.sync().ping()))
					.contains("PONG");
			});
	}

	@Test
	void afterAnOutageRedisIsUsedAgainWithinTwiceTheRetryIntervalOfItsReturn() {
		try (TestRedis.OwnServer server = new TestRedis.OwnServer(TestPorts.free())) {
			this.contexts
				.withPropertyValues("spring.data.redis.url=" + server.url(), "spring.data.redis.timeout=250ms",
						"spring.data.redis.connect-timeout=500ms", "subgraph.shared-state.retry-interval=500ms")
				.run((context) -> {
					SharedRedis redis = context.getBean(SharedRedis.class);
					redis.connect(Duration.ofSeconds(5));
					assertThat(answers(redis)).isTrue();
					server.stop();
					// long enough for Lettuce's default backoff to reach seconds between
					// its reconnect attempts, while requests keep coming
					askFor(redis, Duration.ofSeconds(10));
					server.start();
					assertThat(timeUntilAnswered(redis, Duration.ofSeconds(40))).as("Redis used again after its return")
						.isLessThan(Duration.ofSeconds(2));
				});
		}
	}

	@Test
	void theReconnectDelayOfAnApplicationsOwnClientResourcesIsLeftAlone() {
		Delay own = Delay.constant(Duration.ofSeconds(7));
		this.contexts.withPropertyValues("spring.data.redis.host=127.0.0.1")
			.withBean(ClientResources.class, () -> DefaultClientResources.builder().reconnectDelay(own).build())
			.run((context) -> assertThat(context.getBean(ClientResources.class).reconnectDelay()).isSameAs(own));
	}

	@Test
	void springBootsClientResourcesReconnectWithinTheRetryInterval() {
		this.contexts.withPropertyValues("spring.data.redis.host=127.0.0.1", "subgraph.shared-state.retry-interval=2s")
			.run((context) -> {
				Delay delay = context.getBean(ClientResources.class).reconnectDelay();
				assertThat(delay.createDelay(1)).isLessThan(Duration.ofMillis(10));
				assertThat(delay.createDelay(100)).isEqualTo(Duration.ofSeconds(2));
			});
	}

	private static void askFor(SharedRedis redis, Duration duration) {
		long end = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() < end) {
			assertThat(answers(redis)).as("Redis is down").isFalse();
			pause(100);
		}
	}

	private static Duration timeUntilAnswered(SharedRedis redis, Duration patience) {
		long start = System.nanoTime();
		while (!answers(redis) && System.nanoTime() - start < patience.toNanos()) {
			pause(50);
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static boolean answers(SharedRedis redis) {
		return redis.call("test", (connection) -> connection.sync().ping()).isPresent();
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, SharedStateAutoConfiguration.class })
	static class RedisAsAutoConfigured {

	}

}
