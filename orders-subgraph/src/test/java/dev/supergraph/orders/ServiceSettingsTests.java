package dev.supergraph.orders;

import java.net.URI;
import java.util.Map;

import dev.supergraph.orders.pricing.CatalogProperties;
import dev.supergraph.orders.registration.UsersProperties;
import dev.supergraph.starter.test.SettingsBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Where orders finds the catalog and users subgraphs is checked at start: an address
 * without a scheme or host (a common slip: {@code catalog:4003/graphql}) or a timeout of
 * no time would otherwise start fine and fail every order placed.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServiceSettingsTests {

	@Test
	void theDefaultsAndHttpsStart() {
		try (ConfigurableApplicationContext context = SettingsBinding.start(ServiceSettings.class,
				Map.of("orders.users.url", "https://users.internal:8443/graphql"))) {
			assertThat(context.getBean(CatalogProperties.class).url())
				.isEqualTo(URI.create("http://localhost:4003/graphql"));
			assertThat(context.getBean(UsersProperties.class).url())
				.isEqualTo(URI.create("https://users.internal:8443/graphql"));
		}
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			orders.catalog.url     | catalog:4003/graphql | must be an absolute http or https URL with a host
			orders.catalog.url     | /graphql             | must be an absolute http or https URL with a host
			orders.users.url       | users                | must be an absolute http or https URL with a host
			orders.users.url       | file:///graphql      | must be an absolute http or https URL with a host
			orders.catalog.timeout | 0s                   | must be longer than or equal to 1 milli
			orders.users.timeout   | -2s                  | must be longer than or equal to 1 milli
			""")
	void anAddressOrTimeoutOrdersCannotCallWithStopsTheStart(String property, String value, String reason,
			CapturedOutput output) {
		assertThatException().isThrownBy(() -> SettingsBinding.start(ServiceSettings.class, Map.of(property, value)));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: " + property.substring(0, property.lastIndexOf('.') + 1))
			.contains("Reason: " + reason);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ CatalogProperties.class, UsersProperties.class })
	static class ServiceSettings {

	}

}
