package dev.supergraph.starter.shutdown;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Graceful shutdown of a subgraph ({@link ShutdownProperties}): with Spring Boot's
 * {@code server.shutdown=graceful} (a starter default), readiness goes down first, the
 * subgraph serves through the drain delay, then completes what is in flight.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@EnableConfigurationProperties(ShutdownProperties.class)
public final class ShutdownAutoConfiguration {

	@Bean
	ReadinessDrain readinessDrain(ApplicationEventPublisher events, ShutdownProperties properties) {
		return new ReadinessDrain(events, properties.drainDelay());
	}

}
