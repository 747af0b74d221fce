package dev.supergraph.starter.dev;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Mints the bearer token of a subgraph's AOT cache training run
 * ({@code subgraph-jvm/train-aot-cache}, {@code TRAINING_TOKEN}): RS256 with key id
 * {@code dev}, signed with a private key in PKCS#8 PEM, the development key pair's in the
 * image build, whose public key the training run trusts. With it the training's requests
 * take the path a signed-in user's requests take (the token checked, the caller's own
 * data), so the cache holds those classes and profiles too. Only the JDK's own crypto:
 * the build runs it on the bare class path of this module.
 *
 * <pre>java -cp subgraph-starter-dev/target/classes dev.supergraph.starter.dev.TrainingToken &lt;private key PEM&gt;</pre>
 */
public final class TrainingToken {

	/** The training's caller: a seeded user with the scopes of the development token. */
	public static final String SUBJECT = "7";

	public static final String SCOPE = "users:read:email orders:read inventory:read";

	/** Long enough for any training run, short enough to be worthless afterwards. */
	static final Duration VALIDITY = Duration.ofHours(1);

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private TrainingToken() {
	}

	/**
	 * Prints a token signed with the key in the file named by the first argument.
	 * @param args the private key's PEM file
	 * @throws Exception when the key cannot be read or used
	 */
	public static void main(String[] args) throws Exception {
		if (args.length != 1) {
			System.err.println("usage: TrainingToken <private key PEM (PKCS#8)>");
			System.exit(2);
		}
		System.out.println(mint(Files.readString(Path.of(args[0]), StandardCharsets.US_ASCII), Instant.now()));
	}

	/**
	 * A compact JWT for {@link #SUBJECT} with {@link #SCOPE}, issued at {@code now}.
	 * @param privateKeyPem the signing key, PKCS#8 PEM
	 * @param now the issue time
	 * @return the token
	 * @throws GeneralSecurityException when the key is not an RSA key
	 */
	public static String mint(String privateKeyPem, Instant now) throws GeneralSecurityException {
		long issued = now.getEpochSecond();
		String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"dev\"}");
		String payload = encode("{\"sub\":\"" + SUBJECT + "\",\"scope\":\"" + SCOPE + "\",\"iat\":" + issued
				+ ",\"exp\":" + (issued + VALIDITY.toSeconds()) + "}");
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initSign(privateKey(privateKeyPem));
		signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
		return header + "." + payload + "." + BASE64URL.encodeToString(signature.sign());
	}

	private static PrivateKey privateKey(String pem) throws GeneralSecurityException {
		if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
			throw new InvalidKeySpecException("not a PKCS#8 private key in PEM");
		}
		String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "")
			.replace("-----END PRIVATE KEY-----", "")
			.replaceAll("\\s", "");
		return KeyFactory.getInstance("RSA")
			.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
	}

	private static String encode(String json) {
		return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
