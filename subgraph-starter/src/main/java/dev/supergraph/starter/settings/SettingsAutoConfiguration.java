package dev.supergraph.starter.settings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

/**
 * A subgraph with a setting it cannot work with does not start: Spring Boot reports the
 * setting, its value and the rule it breaks ({@link SettingsValidator}).
 */
@AutoConfiguration
public final class SettingsAutoConfiguration {

	/**
	 * Spring Boot applies the bean of this name to every settings record it binds;
	 * static, because it is needed before any configuration class is instantiated.
	 * @param applicationValidator the application's Bean Validation validator
	 * @return the validator of the platform's settings
	 */
	@Bean(EnableConfigurationProperties.VALIDATOR_BEAN_NAME)
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static SettingsValidator configurationPropertiesValidator(
			ObjectProvider<jakarta.validation.Validator> applicationValidator) {
		return new SettingsValidator(applicationValidator);
	}

}
