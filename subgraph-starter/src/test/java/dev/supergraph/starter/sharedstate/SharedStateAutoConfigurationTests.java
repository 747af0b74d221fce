package dev.supergraph.starter.sharedstate;

import java.nio.charset.StandardCharsets;

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

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, SharedStateAutoConfiguration.class })
	static class RedisAsAutoConfigured {

	}

}
