package dev.supergraph.inventory;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.supergraph.inventory.catalog.CatalogProperties;
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
 * Where the inventory finds the catalog is checked at start: an address without a scheme
 * or host (a common slip: {@code catalog:4003/graphql}) or with a port no connection can
 * have, or a timeout of no time would otherwise start fine and fail the stock of every
 * product created after the seed; a negative period or number of unknown products to
 * remember means nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class CatalogSettingsTests {

	@Test
	void theDefaultsStartWithinTheRoutersTimeout() {
		try (ConfigurableApplicationContext context = SettingsBinding.start(CatalogSettings.class, Map.of())) {
			CatalogProperties catalog = context.getBean(CatalogProperties.class);
			assertThat(catalog.url()).isEqualTo(URI.create("http://localhost:4003/graphql"));
			// connect and read, each at most the timeout, under the router's 5 s for the
			// inventory (gateway-config/subgraphs.json)
			assertThat(catalog.timeout().multipliedBy(2)).isLessThan(Duration.ofSeconds(5));
			assertThat(catalog.unknownProductTtl()).isEqualTo(Duration.ofSeconds(30));
			assertThat(catalog.unknownProducts()).isEqualTo(10_000);
		}
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					inventory.catalog.url     | catalog:4003/graphql | must be an absolute http or https URL with a host
					inventory.catalog.url     | file:///graphql      | must be an absolute http or https URL with a host
					inventory.catalog.url     | http://catalog:400300/graphql | must be an absolute http or https URL with a host, and a port from 1 to 65535
					inventory.catalog.timeout | 0s                   | must be longer than or equal to 1 milli
					inventory.catalog.unknown-product-ttl | -1s      | must be longer than or equal to 0
					inventory.catalog.unknown-products    | -1       | must be greater than or equal to 0
					""")
	void anAddressOrTimeoutTheInventoryCannotCallWithStopsTheStart(String property, String value, String reason,
			CapturedOutput output) {
		assertThatException().isThrownBy(() -> SettingsBinding.start(CatalogSettings.class, Map.of(property, value)));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: inventory.catalog.")
			.contains("Reason: " + reason);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CatalogProperties.class)
	static class CatalogSettings {

	}

}
