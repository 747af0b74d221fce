package dev.supergraph.starter.test;

import java.util.Map;

import dev.supergraph.starter.settings.SettingsAutoConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Binds a subgraph's settings as its start does: a real Spring application without a web
 * server, with the application's validator and the starter's check of settings, whose
 * configuration enables the {@code @ConfigurationProperties} records under test. A
 * refused setting fails the start as it would fail a subgraph's, with Spring Boot's
 * failure analysis in the log, so a test reads what an operator would see.
 */
public final class SettingsBinding {

	private SettingsBinding() {
	}

	/**
	 * Starts the application; it throws when a setting is refused.
	 * @param configuration a configuration class with
	 * {@code @EnableConfigurationProperties} of the records to bind
	 * @param properties the settings, in place of the subgraph's own configuration
	 * @return the started application, for the caller to close
	 */
	public static ConfigurableApplicationContext start(Class<?> configuration, Map<String, Object> properties) {
		SpringApplication application = new SpringApplication(configuration, ValidationAutoConfiguration.class,
				SettingsAutoConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		// as command-line arguments, which take precedence over the subgraph's
		// application.yaml
		return application.run(properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new));
	}

}
