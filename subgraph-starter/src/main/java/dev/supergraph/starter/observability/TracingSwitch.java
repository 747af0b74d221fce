package dev.supergraph.starter.observability;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Turns tracing off when no OTLP endpoint is configured: spans that nobody receives would
 * still cost every request (the benchmark's production configuration has none). An
 * explicit {@code management.tracing.enabled} wins either way.
 */
class TracingSwitch implements EnvironmentPostProcessor {

	static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!StringUtils.hasText(environment.getProperty(ENDPOINT))) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("subgraphTracingOff", Map.of("management.tracing.enabled", "false")));
		}
	}

}
