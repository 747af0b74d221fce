package dev.supergraph.starter.testsubgraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.json.JsonMapper;

/**
 * The credentials of the test subgraph: a JWT signing key of its own (its public key in a
 * PEM file) and an API key file in the contract's format.
 */
public final class TestCredentials {

	private static final SecureRandom random = new SecureRandom();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final RSAKey signingKey;

	private final Path publicKeyFile;

	private final Path keyFile;

	private final List<Map<String, Object>> keys = new ArrayList<>();

	/**
	 * A new issuer: a key pair and an empty key file.
	 * @param directory where its public key and key file are written
	 * @throws IOException when they cannot be written
	 * @throws JOSEException when no RSA key can be made
	 */
	public TestCredentials(Path directory) throws IOException, JOSEException {
		this.signingKey = new RSAKeyGenerator(2048).generate();
		this.publicKeyFile = directory.resolve("jwt.pem");
		Files.writeString(this.publicKeyFile,
				"-----BEGIN PUBLIC KEY-----\n"
						+ Base64.getMimeEncoder().encodeToString(this.signingKey.toRSAPublicKey().getEncoded())
						+ "\n-----END PUBLIC KEY-----\n");
		this.keyFile = directory.resolve("api-keys.json");
		writeKeys();
	}

	/**
	 * The PEM public key that verifies the issuer's tokens.
	 * @return the file
	 */
	public Path publicKeyFile() {
		return this.publicKeyFile;
	}

	/**
	 * The key file of the issuer's API keys.
	 * @return the file
	 */
	public Path keyFile() {
		return this.keyFile;
	}

	/**
	 * A bearer token of the test subgraph's issuer, valid for five minutes.
	 * @param subject the user id
	 * @param scopes the scopes
	 * @return the token
	 */
	public String token(String subject, String... scopes) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.claim("scope", String.join(" ", scopes))
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(300)))
			.build();
		SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		try {
			token.sign(new RSASSASigner(this.signingKey));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return token.serialize();
	}

	/**
	 * Add a machine client's key to the key file.
	 * @param client the client's name
	 * @param scopes its scopes
	 * @return the key
	 */
	public synchronized String apiKey(String client, String... scopes) {
		byte[] id = new byte[6];
		byte[] secret = new byte[32];
		random.nextBytes(id);
		random.nextBytes(secret);
		String keyId = HexFormat.of().formatHex(id);
		String key = "sgk_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("id", keyId);
		record.put("client", client);
		record.put("scopes", List.of(scopes));
		record.put("sha256", HexFormat.of().formatHex(sha256(key)));
		this.keys.add(record);
		writeKeys();
		return key;
	}

	private void writeKeys() {
		try {
			Path temporary = this.keyFile.resolveSibling("api-keys.json.tmp");
			Files.writeString(temporary, json.writeValueAsString(Map.of("keys", this.keys)));
			Files.move(temporary, this.keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
