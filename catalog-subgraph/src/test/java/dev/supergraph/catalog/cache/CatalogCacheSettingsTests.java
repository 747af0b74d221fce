package dev.supergraph.catalog.cache;

import java.util.Map;

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
 * The cache's settings are checked at start: a catalog told to keep no rows, to keep them
 * for no time or to share its generation under a blank Redis key does not start, and says
 * why.
 */
@ExtendWith(OutputCaptureExtension.class)
class CatalogCacheSettingsTests {

	@Test
	void theDefaultsStart() {
		try (ConfigurableApplicationContext context = SettingsBinding.start(CacheSettings.class, Map.of())) {
			CatalogCacheProperties properties = context.getBean(CatalogCacheProperties.class);
			assertThat(properties.maximumRows()).isEqualTo(20_000);
			assertThat(properties.ttl()).hasMinutes(5);
		}
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			catalog.cache.maximum-rows | 0   | must be greater than or equal to 1
			catalog.cache.ttl          | 0s  | must be longer than or equal to 1 milli
			catalog.cache.ttl          | -5m | must be longer than or equal to 1 milli
			catalog.cache.redis-key    | ' ' | must not be blank
			""")
	void aValueTheCacheCannotWorkWithStopsTheStart(String property, String value, String reason,
			CapturedOutput output) {
		assertThatException().isThrownBy(() -> SettingsBinding.start(CacheSettings.class, Map.of(property, value)));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: catalog.cache.")
			.contains("Reason: " + reason);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CatalogCacheProperties.class)
	static class CacheSettings {

	}

}
