package dev.supergraph.starter.observability;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Where a subgraph's spans go, and whether it traces at all: the endpoint is Spring's
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} or else the standard
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} the router reads too; with neither, tracing
 * is off, because spans that nobody receives would still cost every request (the
 * benchmark's production configuration has none). An explicit
 * {@code management.tracing.enabled} wins either way.
 */
class TracingSwitch implements EnvironmentPostProcessor {

	static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

	static final String STANDARD_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty(ENDPOINT))) {
			return;
		}
		String standard = environment.getProperty(STANDARD_ENDPOINT);
		Map<String, Object> properties = StringUtils.hasText(standard) ? Map.of(ENDPOINT, standard)
				: Map.of("management.tracing.enabled", "false");
		environment.getPropertySources().addLast(new MapPropertySource("subgraphTracing", properties));
	}

}
