package dev.supergraph.starter.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Adds the platform's production-safe defaults ({@code subgraph-defaults.properties})
 * with the lowest precedence: short database timeouts, no stack traces, probes, no
 * introspection. With the {@code dev} profile, its defaults
 * ({@code subgraph-defaults-dev.properties}: introspection, every trace sampled, every
 * request's fields timed) come above them, so every subgraph runs locally alike. A
 * subgraph's own configuration overrides any of them.
 */
class SubgraphDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new PropertiesPropertySource("subgraphDefaults", defaults("subgraph-defaults.properties")));
		if (environment.matchesProfiles("dev")) {
			environment.getPropertySources()
				.addBefore("subgraphDefaults", new PropertiesPropertySource("subgraphDevDefaults",
						defaults("subgraph-defaults-dev.properties")));
		}
	}

	private static Properties defaults(String resource) {
		try {
			return PropertiesLoaderUtils.loadProperties(new ClassPathResource(resource));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
