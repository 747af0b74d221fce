package dev.supergraph.starter.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Where a subgraph's spans go, and whether it traces at all: the endpoint is Spring's
 * {@code management.opentelemetry.tracing.export.otlp.endpoint}, else the standard
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (the full URL), else
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} (the base, {@code /v1/traces} added), as the router
 * reads them. With none, or with {@code management.tracing.export.enabled=false}, tracing
 * is off: its auto-configuration is excluded, so no request makes a span. Turning export
 * off alone would not do: the tracer would still make a span per observation and send it
 * nowhere.
 */
class TracingSwitch implements EnvironmentPostProcessor {

	static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

	static final String STANDARD_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

	static final String STANDARD_BASE = "OTEL_EXPORTER_OTLP_ENDPOINT";

	static final String EXPORT = "management.tracing.export.enabled";

	static final String EXCLUDE = "spring.autoconfigure.exclude";

	/**
	 * Everything that makes spans or reads them; Spring Boot's no-op tracer stays for
	 * code that asks for a {@code Tracer}.
	 */
	static final List<String> TRACING = List.of(
			"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.autoconfigure.otlp.OtlpExemplarsAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.zipkin.ZipkinWithOpenTelemetryTracingAutoConfiguration");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Binder binder = Binder.get(environment);
		if (!binder.bind(EXPORT, Boolean.class).orElse(true)) {
			turnOff(environment, binder);
			return;
		}
		if (StringUtils.hasText(environment.getProperty(ENDPOINT))) {
			return;
		}
		String standard = environment.getProperty(STANDARD_ENDPOINT);
		String base = environment.getProperty(STANDARD_BASE);
		if (!StringUtils.hasText(standard) && StringUtils.hasText(base)) {
			standard = base.strip().replaceFirst("/$", "") + "/v1/traces";
		}
		if (StringUtils.hasText(standard)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("subgraphTracing", Map.of(ENDPOINT, standard)));
		}
		else {
			turnOff(environment, binder);
		}
	}

	private static void turnOff(ConfigurableEnvironment environment, Binder binder) {
		List<String> excluded = new ArrayList<>(binder.bind(EXCLUDE, Bindable.listOf(String.class)).orElse(List.of()));
		TRACING.stream().filter((name) -> !excluded.contains(name)).forEach(excluded::add);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("subgraphTracingOff", Map.of(EXCLUDE, String.join(",", excluded))));
	}

}
