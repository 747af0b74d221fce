package dev.supergraph.starter.settings;

import java.io.IOException;
import java.nio.file.Path;

import com.nimbusds.jose.JOSEException;
import dev.supergraph.starter.testsubgraph.TestCredentials;
import dev.supergraph.starter.testsubgraph.TestSubgraph;
import dev.supergraph.starter.testsubgraph.TestSubgraphApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * With the {@code prod} profile a subgraph needs its router secret and a JWT key source;
 * a start without one stops with a short report of what to set, without a stack trace.
 * Each case starts the starter's test subgraph with all its auto-configuration.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequiredSettingsTests {

	@TempDir
	static Path directory;

	private static TestCredentials credentials;

	@BeforeAll
	static void credentials() throws IOException, JOSEException {
		credentials = new TestCredentials(directory);
	}

	@Test
	void noRouterSecretInProduction(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> start("subgraph.security.jwt.public-key-location=file:" + credentials.publicKeyFile()));
		assertReported(output,
				"subgraph.security.router-secret is not set: with the prod profile a subgraph accepts only "
						+ "requests the router signs",
				"Set it (SUBGRAPH_SECURITY_ROUTER_SECRET) to the router's ROUTER_HMAC_SECRET");
	}

	@Test
	void noJwtKeySourceInProduction(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("subgraph.security.router-secret=" + TestSubgraph.ROUTER_SECRET));
		assertReported(output,
				"subgraph.security.jwt.jwk-set-uri or subgraph.security.jwt.public-key-location is not set: "
						+ "the development key is only accepted with the dev or test profile",
				"Set the token issuer's JWKS URL (SUBGRAPH_SECURITY_JWT_JWK_SET_URI) or its PEM public key");
	}

	@Test
	void bothSetStarts() {
		start("subgraph.security.router-secret=" + TestSubgraph.ROUTER_SECRET,
				"subgraph.security.jwt.public-key-location=file:" + credentials.publicKeyFile())
			.close();
	}

	private static void assertReported(CapturedOutput output, String description, String action) {
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains(description)
			.contains("Action:")
			.contains(action)
			.doesNotContain("\tat ");
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(TestSubgraphApplication.class).profiles("prod")
			.properties("server.port=0", "subgraph.database.embedded.enabled=false",
					"management.endpoint.health.validate-group-membership=false")
			.properties(properties)
			.run();
	}

}
