package dev.supergraph.starter.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The development key pair (module {@code subgraph-starter-dev}, on this class path as on
 * every local run's and test's) opens nothing outside the dev and test profiles.
 */
class DevelopmentKeyTests {

	static final SecurityProperties NO_KEY = new SecurityProperties(null, null, null, null, Duration.ofSeconds(30),
			1000);

	@ParameterizedTest
	@ValueSource(strings = { "dev", "test" })
	void devAndTestProfilesVerifyTokensSignedWithTheDevelopmentKey(String profile) {
		JwtDecoder decoder = JwtDecoders.create(NO_KEY, environment(profile));

		assertThat(decoder.decode(developmentToken("7")).getSubject()).isEqualTo("7");
	}

	@ParameterizedTest
	@ValueSource(strings = { "prod", "docker", "default" })
	void developmentKeyIsRefusedOutsideTheDevAndTestProfiles(String profile) {
		assertThatIllegalStateException().isThrownBy(() -> JwtDecoders.create(NO_KEY, environment(profile)))
			.withMessageContaining("the development key is only accepted with the dev or test profile");
	}

	@Test
	void subgraphWithItsOwnKeyRefusesTokensSignedWithTheDevelopmentKey() throws NoSuchAlgorithmException {
		SecurityProperties ownKey = new SecurityProperties(null, pem(otherPublicKey()), null, null,
				Duration.ofSeconds(30), 1000);
		JwtDecoder decoder = JwtDecoders.create(ownKey, environment("prod"));

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(developmentToken("7")));
	}

	private static MockEnvironment environment(String profile) {
		MockEnvironment environment = new MockEnvironment();
		if (!profile.equals("default")) {
			environment.setActiveProfiles(profile);
		}
		return environment;
	}

	private static String developmentToken(String subject) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.expirationTime(Date.from(Instant.now().plusSeconds(300)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("dev").build(), claims);
		try (InputStream in = new ClassPathResource("dev-keys/dev-private.pem").getInputStream()) {
			RSAPrivateKey key = RsaKeyConverters.pkcs8().convert(in);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (IOException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static PublicKey otherPublicKey() throws NoSuchAlgorithmException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair().getPublic();
	}

	private static ByteArrayResource pem(PublicKey key) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(key.getEncoded());
		return new ByteArrayResource(("-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n")
			.getBytes(StandardCharsets.US_ASCII));
	}

}
