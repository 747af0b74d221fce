package dev.supergraph.starter.test;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A {@link SqlStatementCounter} for every test application context, on top of the
 * starter's SQL metric and a recorder of statement texts. Active wherever this test
 * module is on the classpath.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
public final class StatementCountingAutoConfiguration {

	@Bean
	static SqlTextRecorder sqlTextRecorder() {
		return new SqlTextRecorder();
	}

	@Bean
	SqlStatementCounter sqlStatementCounter(MeterRegistry registry, SqlTextRecorder sqlTextRecorder) {
		return new SqlStatementCounter(registry, sqlTextRecorder);
	}

}
