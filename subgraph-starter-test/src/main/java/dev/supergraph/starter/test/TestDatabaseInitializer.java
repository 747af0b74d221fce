package dev.supergraph.starter.test;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points an application context at its fresh test database, named after
 * {@code spring.application.name}, and at the run's API key file ({@link TestApiKeys}).
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String name = context.getEnvironment().getProperty("spring.application.name", "subgraph");
		TestDatabases.TestDatabase database = TestDatabases.forName(name);
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testDatabase", database.properties()));
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testApiKeys",
					Map.of("subgraph.security.api-keys.file", TestApiKeys.file().toString(),
							// a key created by a test works at once
							"subgraph.security.api-keys.reload-interval", "0s")));
	}

}
