package dev.supergraph.starter.database;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's defaults as every subgraph gets them: production-safe ones always, the
 * dev profile's above them, a subgraph's own configuration above both.
 */
class SubgraphDefaultsTests {

	private final SubgraphDefaultsEnvironmentPostProcessor defaults = new SubgraphDefaultsEnvironmentPostProcessor();

	@Test
	void everyProfileGetsTheProductionSafeDefaults() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.setActiveProfiles("prod");
		this.defaults.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.graphql.schema.introspection.enabled")).isEqualTo("false");
		assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.1");
		// the settings record's own default, 0.1
		assertThat(environment.getProperty("subgraph.observability.field-sample-rate")).isNull();
	}

	@Test
	void theDevProfileTracesAndTimesEveryRequestAndOpensIntrospectionForEverySubgraph() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.setActiveProfiles("dev");
		this.defaults.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.graphql.schema.introspection.enabled")).isEqualTo("true");
		assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
		assertThat(environment.getProperty("subgraph.observability.field-sample-rate")).isEqualTo("1.0");
		// what the dev defaults do not name stays the production-safe default
		assertThat(environment.getProperty("spring.datasource.hikari.connection-timeout")).isEqualTo("3000");
	}

	@Test
	void aSubgraphsOwnSettingWinsOverBoth() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.setActiveProfiles("dev");
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application", Map.of("subgraph.observability.field-sample-rate", "0.5")));
		this.defaults.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("subgraph.observability.field-sample-rate")).isEqualTo("0.5");
	}

}
