package dev.supergraph.starter.observability;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class TracingSwitchTests {

	@Test
	void withoutAnEndpointTracingIsOff() {
		StandardEnvironment environment = environment(Map.of());
		assertThat(environment.getProperty("management.tracing.enabled")).isEqualTo("false");
	}

	@Test
	void theStandardOtlpVariableSetsTheEndpoint() {
		StandardEnvironment environment = environment(
				Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces"));
		assertThat(environment.getProperty(TracingSwitch.ENDPOINT)).isEqualTo("http://collector:4318/v1/traces");
		assertThat(environment.getProperty("management.tracing.enabled")).isNull();
	}

	@Test
	void aBlankVariableIsNoEndpoint() {
		StandardEnvironment environment = environment(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", " "));
		assertThat(environment.getProperty("management.tracing.enabled")).isEqualTo("false");
	}

	@Test
	void anExplicitSwitchWins() {
		StandardEnvironment environment = environment(Map.of("management.tracing.enabled", "true"));
		assertThat(environment.getProperty("management.tracing.enabled")).isEqualTo("true");
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		new TracingSwitch().postProcessEnvironment(environment, null);
		return environment;
	}

}
