package dev.supergraph.starter.settings;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import dev.supergraph.starter.flags.FlagsProperties;
import dev.supergraph.starter.limits.LimitsProperties;
import dev.supergraph.starter.observability.ObservabilityProperties;
import dev.supergraph.starter.pagination.PaginationProperties;
import dev.supergraph.starter.ratelimit.RateLimitProperties;
import dev.supergraph.starter.security.ApiKeyProperties;
import dev.supergraph.starter.security.RouterSignatureProperties;
import dev.supergraph.starter.security.SecurityProperties;
import dev.supergraph.starter.sharedstate.SharedStateProperties;
import dev.supergraph.starter.shutdown.ShutdownProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Every setting of the starter is checked when Spring Boot binds it: a subgraph given a
 * value it cannot work with does not start, and its log names the setting and what is
 * wrong, without a stack trace. Each case starts a real Spring application with the
 * starter's settings, as a subgraph's start binds them.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsValidationTests {

	@Test
	void theDefaultsAndTheDocumentedEdgeValuesStart(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start(
				Map.of("subgraph.rate-limit.requests-per-minute", "0", "subgraph.limits.document-cache-size", "0",
						"subgraph.security.jwt.verified-tokens", "0", "subgraph.security.jwt.clock-skew", "0s",
						"subgraph.shutdown.drain-delay", "0s", "subgraph.security.api-keys.reload-interval", "0s",
						"subgraph.security.router-secret", "", "subgraph.security.jwt.jwk-set-uri", " ",
						"subgraph.observability.field-sample-rate", "1", "subgraph.pagination.max-size", "1"))) {
			assertThat(context.getBean(LimitsProperties.class).maxDepth()).isEqualTo(12);
			assertThat(context.getBean(RateLimitProperties.class).requestsPerMinute()).isZero();
			assertThat(context.getBean(PaginationProperties.class).maxSize()).isEqualTo(1);
			assertThat(context.getBean(RouterSignatureProperties.class).routerFreshness()).hasSeconds(60);
			assertThat(context.getBean(ServiceUrl.class).url()).isEqualTo(URI.create("http://localhost:4003/graphql"));
		}
		// what this start logged: not the reconnect attempts of a Redis client an earlier
		// test of
		// the same JVM stopped the Redis of, which log from their own event-loop threads
		assertThat(output.getAll().lines().filter((line) -> !line.contains("ConnectionWatchdog")))
			.noneMatch((line) -> line.contains("WARN"));
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					subgraph.limits.max-depth                   | 0       | must be greater than or equal to 1
					subgraph.limits.max-complexity              | -5      | must be greater than or equal to 1
					subgraph.limits.max-tokens                  | 0       | must be greater than or equal to 1
					subgraph.limits.max-root-fields             | 0       | must be greater than or equal to 1
					subgraph.limits.max-aliases                 | -1      | must be greater than or equal to 0
					subgraph.limits.max-directives-per-field    | -1      | must be greater than or equal to 0
					subgraph.limits.document-cache-size         | -1      | must be greater than or equal to 0
					subgraph.limits.timeout                     | 0s      | must be longer than or equal to 1 milli
					subgraph.limits.max-body-size               | 0KB     | max-body-size must be at least 1 byte
					subgraph.limits.max-body-size               | 2GB     | max-body-size must be at most 2047MB: a request body is held in memory as one array
					subgraph.limits.max-body-size               | 4GB     | max-body-size must be at most 2047MB: a request body is held in memory as one array
					subgraph.rate-limit.requests-per-minute     | -3      | must be greater than or equal to 0
					subgraph.rate-limit.max-clients             | 0       | must be greater than or equal to 1
					subgraph.observability.field-sample-rate    | 7       | must be less than or equal to 1
					subgraph.observability.field-sample-rate    | -0.1    | must be greater than or equal to 0
					subgraph.observability.max-operation-names  | -1      | must be greater than or equal to 0
					subgraph.pagination.max-size                | 0       | must be greater than or equal to 1
					subgraph.shared-state.retry-interval        | -1s     | must be longer than or equal to 0
					subgraph.shutdown.drain-delay               | -5s     | must be longer than or equal to 0
					subgraph.flags.poll-interval                | 0ms     | must be longer than or equal to 1 milli
					subgraph.security.api-keys.reload-interval  | -1s     | must be longer than or equal to 0
					subgraph.security.jwt.clock-skew            | -30s    | must be longer than or equal to 0
					subgraph.security.jwt.verified-tokens       | -1      | must be greater than or equal to 0
					subgraph.security.router-freshness          | 0s      | must be longer than or equal to 1 milli
					subgraph.security.jwt.jwk-set-uri           | issuer:8080/jwks       | must be an absolute http or https URL with a host
					subgraph.security.jwt.jwk-set-uri           | https://iss uer/jwks   | must be an absolute http or https URL with a host
					test.service.url                            | localhost:4003/graphql | must be an absolute http or https URL with a host
					test.service.url                            | /graphql               | must be an absolute http or https URL with a host
					test.service.url                            | ftp://catalog/graphql  | must be an absolute http or https URL with a host
					test.service.url                            | http://catalog:400300/graphql | must be an absolute http or https URL with a host, and a port from 1 to 65535
					test.service.url                            | http://catalog:0/graphql | must be an absolute http or https URL with a host, and a port from 1 to 65535
					""")
	void aValueASubgraphCannotWorkWithStopsItsStartWithTheReason(String property, String value, String reason,
			CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(Map.of(property, value)).close());
		String prefix = property.substring(0, property.lastIndexOf('.') + 1);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Binding to target")
			.contains("Property: " + prefix)
			.contains("Reason: " + reason)
			.contains("Action:")
			.doesNotContain("\tat org.springframework");
	}

	@Test
	void everyInvalidSettingOfEveryRecordIsReportedInOneStart(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(Map.of("subgraph.limits.max-depth", "0",
				"subgraph.limits.max-tokens", "0", "subgraph.pagination.max-size", "0", "subgraph.shutdown.drain-delay",
				"-5s", "subgraph.rate-limit.max-clients", "many", "test.service.url", "/graphql"))
			.close());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("6 invalid settings")
			.contains("Property: subgraph.limits.max-depth")
			.contains("Property: subgraph.limits.max-tokens")
			.contains("Property: subgraph.pagination.max-size")
			.contains("Property: subgraph.shutdown.drain-delay")
			.contains("Property: subgraph.rate-limit.max-clients")
			.contains("Value: \"many\"")
			.contains("Property: test.service.url")
			.contains("Reason: must be an absolute http or https URL with a host")
			.contains("Action:")
			.doesNotContain("\tat org.springframework");
	}

	@Test
	void aRemovedOrMisspeltSettingOfARecordStopsTheStartNamingIt(CapturedOutput output) {
		// default-size was removed: a connection's page without first is its @listSize
		assertThatException().isThrownBy(() -> start(Map.of("subgraph.pagination.default-size", "20",
				"subgraph.limits.max-dept", "5", "subgraph.shutdown.drain-delay", "-5s"))
			.close());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("3 invalid settings")
			.contains("Reason: The elements [subgraph.pagination.default-size] were left unbound.")
			.contains("Reason: The elements [subgraph.limits.max-dept] were left unbound.")
			.contains("Property: subgraph.shutdown.drain-delay")
			.doesNotContain("\tat org.springframework");
	}

	@Test
	void aRecordWithABrokenRuleAndAnUnknownSettingNamesBothInOneStart(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> start(Map.of("subgraph.limits.max-depth", "0", "subgraph.limits.max-dept", "5")).close());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("2 invalid settings")
			.contains("Property: subgraph.limits.max-depth")
			.contains("Reason: The elements [subgraph.limits.max-dept] were left unbound.")
			.doesNotContain("\tat org.springframework");
	}

	@Test
	void settingsGivenAsTheDeploymentsEnvironmentVariablesStartAndAnUnknownOneDoesNot(CapturedOutput output) {
		// the names deploy/base gives the containers, in both of Spring Boot's forms
		Map<String, Object> deployment = Map.of("SUBGRAPH_SHUTDOWN_DRAINDELAY", "5s", "SUBGRAPH_FLAGS_FILE",
				"/etc/flags/flags.json", "SUBGRAPH_SHAREDSTATE_KEYPREFIX", "staging:supergraph:",
				"SUBGRAPH_SECURITY_JWT_JWKSETURI", "https://issuer.example/jwks", "SUBGRAPH_SECURITY_API_KEYS_FILE",
				"/etc/keys/api-keys.json", "SUBGRAPH_REDIS_KEY_PREFIX", "staging:supergraph:");
		try (ConfigurableApplicationContext context = start(Map.of(), deployment)) {
			assertThat(context.getBean(ShutdownProperties.class).drainDelay()).hasSeconds(5);
			assertThat(context.getBean(SharedStateProperties.class).keyPrefix()).isEqualTo("staging:supergraph:");
			assertThat(context.getBean(ApiKeyProperties.class).file())
				.isEqualTo(java.nio.file.Path.of("/etc/keys/api-keys.json"));
		}
		Map<String, Object> removed = new HashMap<>(deployment);
		removed.put("SUBGRAPH_PAGINATION_DEFAULTSIZE", "20");
		assertThatException().isThrownBy(() -> start(Map.of(), removed).close());
		assertThat(output).contains("Reason: The elements [subgraph.pagination.defaultsize] were left unbound.");
	}

	@Test
	void aShortRouterSecretIsRefusedWithoutBeingRepeated(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> start(Map.of("subgraph.security.router-secret", "change-me-0123456789abcdef")).close());
		assertThat(output).contains("Reason: router-secret must be at least 32 characters").doesNotContain("change-me");
	}

	private static ConfigurableApplicationContext start(Map<String, Object> properties) {
		return start(properties, Map.of());
	}

	private static ConfigurableApplicationContext start(Map<String, Object> properties,
			Map<String, Object> environmentVariables) {
		SpringApplication application = new SpringApplication(AllSettings.class, ValidationAutoConfiguration.class,
				SettingsAutoConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(properties);
		application.addInitializers((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("deployment-systemEnvironment", environmentVariables)));
		return application.run();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ LimitsProperties.class, RateLimitProperties.class, ObservabilityProperties.class,
			PaginationProperties.class, SharedStateProperties.class, ShutdownProperties.class, FlagsProperties.class,
			ApiKeyProperties.class, SecurityProperties.class, RouterSignatureProperties.class, ServiceUrl.class })
	static class AllSettings {

	}

	/**
	 * The address of a service a subgraph calls, as the orders subgraph declares them.
	 */
	@ConfigurationProperties("test.service")
	record ServiceUrl(@DefaultValue("http://localhost:4003/graphql") @HttpUrl URI url) {

	}

}
