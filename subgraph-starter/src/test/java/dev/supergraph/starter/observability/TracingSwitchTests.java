package dev.supergraph.starter.observability;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class TracingSwitchTests {

	@Test
	void withoutAnEndpointTracingIsExcluded() {
		StandardEnvironment environment = environment(Map.of());
		assertThat(excluded(environment)).containsAll(TracingSwitch.TRACING);
	}

	@Test
	void theStandardOtlpVariableSetsTheEndpoint() {
		StandardEnvironment environment = environment(
				Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces"));
		assertThat(environment.getProperty(TracingSwitch.ENDPOINT)).isEqualTo("http://collector:4318/v1/traces");
		assertThat(excluded(environment)).isEmpty();
	}

	@Test
	void theStandardBaseVariableGetsTheTracesPathAsTheRouterAddsIt() {
		for (String base : List.of("http://collector:4318", "http://collector:4318/")) {
			StandardEnvironment environment = environment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", base));
			assertThat(environment.getProperty(TracingSwitch.ENDPOINT)).isEqualTo("http://collector:4318/v1/traces");
			assertThat(excluded(environment)).isEmpty();
		}
		StandardEnvironment both = environment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://base:4318",
				"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces:4318/custom"));
		assertThat(both.getProperty(TracingSwitch.ENDPOINT)).isEqualTo("http://traces:4318/custom");
	}

	@Test
	void aBlankVariableIsNoEndpoint() {
		StandardEnvironment environment = environment(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", " "));
		assertThat(excluded(environment)).containsAll(TracingSwitch.TRACING);
	}

	@Test
	void exportTurnedOffWinsOverAnEndpoint() {
		StandardEnvironment environment = environment(
				Map.of(TracingSwitch.ENDPOINT, "http://collector:4318/v1/traces", TracingSwitch.EXPORT, "false"));
		assertThat(excluded(environment)).containsAll(TracingSwitch.TRACING);
	}

	@Test
	void theSubgraphsOwnExclusionsAreKept() {
		StandardEnvironment environment = environment(
				Map.of(TracingSwitch.EXCLUDE, "com.example.OneAutoConfiguration,com.example.TwoAutoConfiguration"));
		assertThat(excluded(environment))
			.startsWith("com.example.OneAutoConfiguration", "com.example.TwoAutoConfiguration")
			.containsAll(TracingSwitch.TRACING);
	}

	private static List<String> excluded(StandardEnvironment environment) {
		String value = environment.getProperty(TracingSwitch.EXCLUDE);
		return (value != null) ? List.of(value.split(",")) : List.of();
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		new TracingSwitch().postProcessEnvironment(environment, null);
		return environment;
	}

}
