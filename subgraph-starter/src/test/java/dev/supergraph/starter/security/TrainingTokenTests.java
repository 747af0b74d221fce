package dev.supergraph.starter.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;

import dev.supergraph.starter.dev.TrainingToken;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The AOT cache training's token ({@code TrainingToken}, minted with the development key
 * in the image build) is one a subgraph configured as the training run is, with the
 * development public key as its own key, accepts: the training's requests take the
 * authenticated path.
 */
class TrainingTokenTests {

	private final JwtDecoder trainingDecoder = JwtDecoders.create(new SecurityProperties(null,
			new ClassPathResource("dev-keys/dev-public.pem"), null, null, Duration.ofSeconds(30), 1000),
			new MockEnvironment());

	@Test
	void subgraphTrainedWithTheDevelopmentPublicKeyAcceptsTheTrainingToken() throws Exception {
		Jwt jwt = this.trainingDecoder.decode(TrainingToken.mint(devPrivateKey(), Instant.now()));

		assertThat(jwt.getSubject()).isEqualTo(TrainingToken.SUBJECT);
		assertThat(jwt.getClaimAsString("scope")).isEqualTo(TrainingToken.SCOPE);
		assertThat(jwt.getExpiresAt()).isBetween(Instant.now().plus(Duration.ofMinutes(59)),
				Instant.now().plus(Duration.ofMinutes(61)));
	}

	@Test
	void trainingTokenExpiresWithinTheHour() throws Exception {
		String minted = TrainingToken.mint(devPrivateKey(), Instant.now().minus(Duration.ofHours(2)));

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.trainingDecoder.decode(minted));
	}

	@Test
	void refusesAKeyThatIsNotAPrivateKey() throws IOException {
		String publicKey = read("dev-keys/dev-public.pem");

		assertThatExceptionOfType(GeneralSecurityException.class)
			.isThrownBy(() -> TrainingToken.mint(publicKey, Instant.now()));
	}

	private static String devPrivateKey() throws IOException {
		return read("dev-keys/dev-private.pem");
	}

	private static String read(String resource) throws IOException {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
		}
	}

}
