package dev.supergraph.starter.test;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A {@link SqlStatementCounter} for every test application context, on top of the
 * starter's SQL metric. Active wherever this test module is on the classpath.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
public final class StatementCountingAutoConfiguration {

	@Bean
	SqlStatementCounter sqlStatementCounter(MeterRegistry registry) {
		return new SqlStatementCounter(registry);
	}

}
