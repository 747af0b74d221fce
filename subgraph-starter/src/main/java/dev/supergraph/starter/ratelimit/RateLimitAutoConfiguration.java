package dev.supergraph.starter.ratelimit;

import dev.supergraph.starter.errors.ErrorResponseWriter;
import dev.supergraph.starter.errors.ErrorsAutoConfiguration;
import dev.supergraph.starter.security.SecurityAutoConfiguration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The per-client rate limit of a subgraph ({@link RateLimitProperties}).
 */
@AutoConfiguration(after = { ErrorsAutoConfiguration.class, SecurityAutoConfiguration.class })
@ConditionalOnWebApplication
@ConditionalOnExpression("${subgraph.rate-limit.requests-per-minute:1200} > 0")
@EnableConfigurationProperties(RateLimitProperties.class)
public final class RateLimitAutoConfiguration {

	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties,
			@Value("${spring.graphql.http.path:/graphql}") String graphQlPath, ErrorResponseWriter errors) {
		ClientRateLimiter limiter = new ClientRateLimiter(properties.requestsPerMinute(), properties.maxClients());
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(graphQlPath, limiter, errors));
		// after Spring Security's filter chain (order -100), which authenticates the
		// client
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
		return registration;
	}

}
