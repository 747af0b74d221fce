package dev.supergraph.starter.test;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points an application context at its fresh test database, named after
 * {@code spring.application.name}.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String name = context.getEnvironment().getProperty("spring.application.name", "subgraph");
		TestDatabases.TestDatabase database = TestDatabases.forName(name);
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testDatabase", database.properties()));
	}

}
