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
 * introspection. A subgraph's own configuration overrides any of them.
 */
class SubgraphDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			Properties defaults = PropertiesLoaderUtils
				.loadProperties(new ClassPathResource("subgraph-defaults.properties"));
			environment.getPropertySources().addLast(new PropertiesPropertySource("subgraphDefaults", defaults));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
