package dev.supergraph.starter.sharedstate;

import java.time.Clock;
import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Shared state of a subgraph's replicas: a {@link SharedRedis} when
 * {@link RedisConfigured}, else nothing, and the process says once at startup that its
 * rate limits and replay memory are its own.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@EnableConfigurationProperties(SharedStateProperties.class)
public final class SharedStateAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SharedStateAutoConfiguration.class);

	@Bean
	@Conditional(OnRedisConfiguredCondition.class)
	SharedRedis sharedRedis(ObjectProvider<LettuceConnectionFactory> connections, SharedStateProperties properties,
			ObjectProvider<MeterRegistry> registry) {
		// Spring's factory creates its client when the context starts, after this bean.
		return new SharedRedis(() -> redisClient(connections.getObject()), properties,
				registry.getIfAvailable(SimpleMeterRegistry::new), Clock.systemUTC());
	}

	/**
	 * Connects before the subgraph reports ready (readiness turns to accepting traffic
	 * after the ready event's listeners), rather than on its first request, which would
	 * otherwise pay for the connection. At most 10 s: a Redis that is down delays
	 * readiness by that much, then the subgraph runs without it (fails open) and tries
	 * again as requests come.
	 */
	@Bean
	@Conditional(OnRedisConfiguredCondition.class)
	ApplicationListener<ApplicationReadyEvent> sharedRedisConnectOnReady(SharedRedis redis) {
		return (event) -> redis.connect(Duration.ofSeconds(10));
	}

	/**
	 * While Redis is disconnected, commands fail at once instead of queueing until the
	 * command timeout: every caller has a way on without Redis.
	 */
	@Bean
	@Conditional(OnRedisConfiguredCondition.class)
	LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

	/**
	 * Reconnects to a Redis that is back within the retry interval (see
	 * {@link ReconnectDelay}). Applies to the client resources Spring Boot builds, not to
	 * an application's own {@code ClientResources} bean.
	 */
	@Bean
	@Conditional(OnRedisConfiguredCondition.class)
	ClientResourcesBuilderCustomizer reconnectWithinTheRetryInterval(SharedStateProperties properties) {
		return (resources) -> resources.reconnectDelay(ReconnectDelay.upTo(properties.retryInterval()));
	}

	@Bean
	@ConditionalOnMissingBean(SharedRedis.class)
	SmartInitializingSingleton sharedStateInMemoryNotice() {
		return () -> logger.info(
				"No Redis configured (spring.data.redis.host, .url, .sentinel or .cluster): rate limits and the memory "
						+ "of used router stamps are this process's own, correct for one replica only");
	}

	private static RedisClient redisClient(LettuceConnectionFactory factory) {
		if (factory.getRequiredNativeClient() instanceof RedisClient client) {
			return client;
		}
		throw new IllegalStateException("Shared state needs a standalone or sentinel Redis, not a cluster");
	}

}
