package dev.supergraph.starter.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.core.io.ClassPathResource;
import org.springframework.security.converter.RsaKeyConverters;

/**
 * Mints RS256 JWTs signed with the development key pair, which subgraphs accept only with
 * the {@code dev} or {@code test} profile. For tests and the local run; never production.
 */
public final class TestTokens {

	private static final RSAPrivateKey DEV_KEY = loadDevKey();

	private TestTokens() {
	}

	/**
	 * A valid token for a user with scopes, expiring in an hour.
	 * @param userId the {@code sub} claim
	 * @param scopes the granted scopes
	 * @return the compact JWT
	 */
	public static String forUser(String userId, String... scopes) {
		return sign(DEV_KEY, userId, Instant.now().plus(Duration.ofHours(1)), scopes);
	}

	/**
	 * A token signed with the development key that expired ten minutes ago.
	 * @param userId the {@code sub} claim
	 * @return the compact JWT
	 */
	public static String expired(String userId) {
		return sign(DEV_KEY, userId, Instant.now().minus(Duration.ofMinutes(10)));
	}

	/**
	 * A well-formed token signed by a key nobody trusts.
	 * @param userId the {@code sub} claim
	 * @param scopes the claimed scopes
	 * @return the compact JWT
	 */
	public static String forged(String userId, String... scopes) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return sign((RSAPrivateKey) pair.getPrivate(), userId, Instant.now().plus(Duration.ofHours(1)), scopes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sign(RSAPrivateKey key, String userId, Instant expiry, String... scopes) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(userId)
			.issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
			.expirationTime(Date.from(expiry))
			.jwtID(UUID.randomUUID().toString())
			.claim("scope", String.join(" ", scopes))
			.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("dev").build(), claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAPrivateKey loadDevKey() {
		try (InputStream in = new ClassPathResource("dev-keys/dev-private.pem").getInputStream()) {
			return RsaKeyConverters.pkcs8().convert(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
