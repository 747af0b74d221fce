package dev.supergraph.starter.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A token's signature is verified once, and a remembered token is still refused once it
 * expires; a token that failed is never remembered.
 */
class VerifiedTokensTests {

	private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

	private final RSAKey key;

	private final AtomicInteger verifications = new AtomicInteger();

	private final JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);

	private final JwtDecoder decoder;

	VerifiedTokensTests() throws JOSEException {
		this.key = new RSAKeyGenerator(2048).generate();
		this.timestamps.setClock(Clock.fixed(NOW, ZoneOffset.UTC));
		NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(this.key.toRSAPublicKey()).build();
		nimbus.setJwtValidator(this.timestamps);
		JwtDecoder counting = (token) -> {
			this.verifications.incrementAndGet();
			return nimbus.decode(token);
		};
		this.decoder = new VerifiedTokens(counting, this.timestamps, 10);
	}

	@Test
	void aTokenIsVerifiedOnceAndAnsweredWithTheSameClaims() throws JOSEException {
		String token = token(this.key, NOW.plusSeconds(300));
		for (int request = 0; request < 3; request++) {
			assertThat(this.decoder.decode(token).getSubject()).isEqualTo("u1");
		}
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void aRememberedTokenIsRefusedOnceItHasExpired() throws JOSEException {
		String token = token(this.key, NOW.plusSeconds(30));
		this.decoder.decode(token);
		this.timestamps.setClock(Clock.fixed(NOW.plusSeconds(31), ZoneOffset.UTC));
		for (int request = 0; request < 2; request++) {
			assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.decoder.decode(token))
				.withMessageContaining("expired");
		}
	}

	@Test
	void aTokenSignedWithAnotherKeyIsRefusedEveryTime() throws JOSEException {
		String forged = token(new RSAKeyGenerator(2048).generate(), NOW.plusSeconds(300));
		for (int request = 0; request < 2; request++) {
			assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.decoder.decode(forged));
		}
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aValidTokenDoesNotVouchForAnotherWithTheSameClaims() throws JOSEException {
		String token = token(this.key, NOW.plusSeconds(300));
		this.decoder.decode(token);
		String[] parts = token.split("\\.");
		String otherSignature = parts[0] + "." + parts[1] + "."
				+ token(new RSAKeyGenerator(2048).generate(), NOW.plusSeconds(300)).split("\\.")[2];
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.decoder.decode(otherSignature));
	}

	private static String token(RSAKey signer, Instant expiry) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256),
				new JWTClaimsSet.Builder().subject("u1")
					.issueTime(Date.from(NOW))
					.expirationTime(Date.from(expiry))
					.build());
		jwt.sign(new RSASSASigner(signer));
		return jwt.serialize();
	}

}
