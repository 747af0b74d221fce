package dev.supergraph.starter.ratelimit;

import dev.supergraph.starter.errors.ErrorResponseWriter;
import dev.supergraph.starter.errors.ErrorsAutoConfiguration;
import dev.supergraph.starter.security.SecurityAutoConfiguration;
import dev.supergraph.starter.sharedstate.SharedRedis;
import dev.supergraph.starter.sharedstate.SharedStateAutoConfiguration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The per-client rate limit of a subgraph ({@link RateLimitProperties}): in Redis, shared
 * by all replicas, when a {@link SharedRedis} exists, else in this process.
 */
@AutoConfiguration(
		after = { ErrorsAutoConfiguration.class, SecurityAutoConfiguration.class, SharedStateAutoConfiguration.class })
@ConditionalOnWebApplication
@ConditionalOnExpression("${subgraph.rate-limit.requests-per-minute:1200} > 0")
@EnableConfigurationProperties(RateLimitProperties.class)
public final class RateLimitAutoConfiguration {

	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties,
			@Value("${spring.graphql.http.path:/graphql}") String graphQlPath, ErrorResponseWriter errors,
			ObjectProvider<SharedRedis> redis, @Value("${spring.application.name:subgraph}") String application,
			ObjectProvider<MeterRegistry> meters) {
		SharedRedis shared = redis.getIfAvailable();
		ClientRateLimiter limiter = (shared != null)
				? new RedisRateLimiter(shared, application, properties.requestsPerMinute())
				: new LocalRateLimiter(properties.requestsPerMinute(), properties.maxClients());
		Counter refusals = Counter.builder("subgraph.rate-limit.refusals")
			.description("GraphQL requests refused with RATE_LIMITED")
			.tag("limiter", (shared != null) ? "redis" : "local")
			.register(meters.getIfAvailable(SimpleMeterRegistry::new));
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(graphQlPath, limiter, errors, refusals));
		// after Spring Security's filter chain (order -100), which authenticates the
		// client
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
		return registration;
	}

}
