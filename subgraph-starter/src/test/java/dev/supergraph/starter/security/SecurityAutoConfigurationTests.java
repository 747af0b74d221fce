package dev.supergraph.starter.security;

import dev.supergraph.starter.errors.ErrorsAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication of every subgraph: a JWT decoder and the filter chain by default, giving
 * way to a subgraph's own decoder, and no start without a key outside dev and test;
 * router signatures only with a secret, and mandatory in production.
 */
class SecurityAutoConfigurationTests {

	private final WebApplicationContextRunner withoutKey = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ValidationAutoConfiguration.class,
				ErrorsAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class))
		// "60s" to Duration, as in a running SpringApplication
		.withInitializer(
				(context) -> context.getBeanFactory().setConversionService(new ApplicationConversionService()));

	// the decoder reads the key set on first use, not at startup
	private final WebApplicationContextRunner runner = this.withoutKey
		.withPropertyValues("subgraph.security.jwt.jwk-set-uri=http://127.0.0.1:1/jwks");

	@Test
	void onByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(JwtDecoder.class)
			.hasBean("subgraphSecurityFilterChain")
			.hasSingleBean(RouterSignature.class)
			.doesNotHaveBean("routerSignatureFilter")
			.hasSingleBean(AuditTrailInstrumentation.class)
			.hasSingleBean(RequestClientNames.class));
	}

	@Test
	void aSubgraphsOwnChoiceOfClientNamesTakesPrecedence() {
		RequestClientNames own = RequestClientNames.withoutApiKeys();
		this.runner.withBean(RequestClientNames.class, () -> own)
			.run((context) -> assertThat(context).getBean(RequestClientNames.class).isSameAs(own));
	}

	@Test
	void aSubgraphsOwnDecoderTakesPrecedence() {
		JwtDecoder own = NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:1/jwks").build();
		this.runner.withBean(JwtDecoder.class, () -> own)
			.run((context) -> assertThat(context).getBean(JwtDecoder.class).isSameAs(own));
	}

	@Test
	void withoutAKeyOutsideDevAndTestTheSubgraphDoesNotStart() {
		this.withoutKey.withPropertyValues("spring.profiles.active=staging")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("subgraph.security.jwt.jwk-set-uri"));
	}

	@Test
	void routerSignaturesAreCheckedWhenASecretIsSet() {
		this.runner.withPropertyValues("subgraph.security.router-secret=a-router-secret-of-32-characters-at-least")
			.run((context) -> assertThat(context).hasBean("routerSignatureFilter")
				.getBean(RouterSignature.class)
				.extracting(RouterSignature::enabled)
				.isEqualTo(true));
	}

	@Test
	void productionWithoutARouterSecretDoesNotStart() {
		this.runner.withPropertyValues("spring.profiles.active=prod")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("subgraph.security.router-secret"));
	}

	@Test
	void anUnusableApiKeyFileStopsStartup() {
		this.runner.withPropertyValues("subgraph.security.api-keys.file=/nonexistent/api-keys.json")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("/nonexistent/api-keys.json"));
	}

}
