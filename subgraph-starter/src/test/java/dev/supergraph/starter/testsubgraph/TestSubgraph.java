package dev.supergraph.starter.testsubgraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import dev.supergraph.starter.security.RouterSignature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The starter's test subgraph running on a free port over real HTTP, with every guard of
 * the starter switched on: router signature, API keys, JWTs of its own key, a small rate
 * limit and small request limits. Started once per test run and shared; each test uses
 * its own clients, so their rate limits do not meet.
 */
public final class TestSubgraph {

	/** The router secret of the test subgraph. */
	public static final String ROUTER_SECRET = "test-subgraph-secret";

	/** Requests per minute and client. */
	public static final int REQUESTS_PER_MINUTE = 3;

	/** The deepest selection accepted. */
	public static final int MAX_DEPTH = 4;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final SecureRandom random = new SecureRandom();

	private static TestSubgraph running;

	private final ConfigurableApplicationContext context;

	private final URI url;

	private final RSAKey signingKey;

	private final Path keyFile;

	private final List<Map<String, Object>> keys = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	private final RouterSignature signature = RouterSignature.withSecret(ROUTER_SECRET);

	private TestSubgraph() throws IOException, JOSEException {
		Path directory = Files.createTempDirectory("test-subgraph");
		this.signingKey = new RSAKeyGenerator(2048).generate();
		Path publicKey = directory.resolve("jwt.pem");
		Files.writeString(publicKey,
				"-----BEGIN PUBLIC KEY-----\n"
						+ Base64.getMimeEncoder().encodeToString(this.signingKey.toRSAPublicKey().getEncoded())
						+ "\n-----END PUBLIC KEY-----\n");
		this.keyFile = directory.resolve("api-keys.json");
		writeKeys();
		this.context = new SpringApplicationBuilder(TestSubgraphApplication.class)
			.properties("server.port=0", "subgraph.database.embedded.enabled=false",
					"management.endpoint.health.validate-group-membership=false",
					"subgraph.security.jwt.public-key-location=file:" + publicKey,
					"subgraph.security.router-secret=" + ROUTER_SECRET,
					"subgraph.security.api-keys.file=" + this.keyFile, "subgraph.security.api-keys.reload-interval=0s",
					"subgraph.rate-limit.requests-per-minute=" + REQUESTS_PER_MINUTE,
					"subgraph.limits.max-depth=" + MAX_DEPTH, "subgraph.limits.max-body-size=2KB")
			.run();
		String port = this.context.getEnvironment().getProperty("local.server.port");
		this.url = URI.create("http://127.0.0.1:" + port + "/graphql");
	}

	/**
	 * The running test subgraph, started on first use.
	 * @return the test subgraph
	 */
	public static synchronized TestSubgraph running() {
		if (running == null) {
			try {
				running = new TestSubgraph();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return running;
	}

	/**
	 * A request as the router sends it: signed, without credentials.
	 * @param document the GraphQL document
	 * @return the request, to add credentials to and send
	 */
	public Request request(String document) {
		return new Request(document);
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

	/** One request to the test subgraph. */
	public final class Request {

		private final Map<String, String> headers = new LinkedHashMap<>();

		private byte[] body;

		private boolean signed = true;

		private Request(String document) {
			this.body = json.writeValueAsBytes(Map.of("query", document));
		}

		/**
		 * Send a bearer token.
		 * @param token the token
		 * @return this request
		 */
		public Request bearer(String token) {
			this.headers.put("Authorization", "Bearer " + token);
			return this;
		}

		/**
		 * Send an API key.
		 * @param key the key
		 * @return this request
		 */
		public Request apiKey(String key) {
			this.headers.put("X-Api-Key", key);
			return this;
		}

		/**
		 * Send without the router's stamp.
		 * @return this request
		 */
		public Request unsigned() {
			this.signed = false;
			return this;
		}

		/**
		 * Send with a stamp given as is, e.g. one already used.
		 * @param stamp the {@code X-Router-Freshness} value
		 * @return this request
		 */
		public Request stamp(String stamp) {
			this.signed = false;
			this.headers.put(RouterSignature.FRESHNESS_HEADER, stamp);
			return this;
		}

		/**
		 * Pad the body with whitespace to a size.
		 * @param bytes the body's size
		 * @return this request
		 */
		public Request paddedTo(int bytes) {
			byte[] padded = new byte[bytes];
			Arrays.fill(padded, (byte) ' ');
			System.arraycopy(this.body, 0, padded, 0, this.body.length);
			this.body = padded;
			return this;
		}

		/**
		 * The stamp this request is sent with.
		 * @return the header value
		 */
		public String freshStamp() {
			return TestSubgraph.this.signature.freshness(this.body);
		}

		/**
		 * Send the request.
		 * @return status and body
		 */
		public Response send() {
			HttpRequest.Builder request = HttpRequest.newBuilder(TestSubgraph.this.url)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(this.body));
			if (this.signed) {
				request.header(RouterSignature.FRESHNESS_HEADER, freshStamp());
			}
			this.headers.forEach(request::header);
			try {
				HttpResponse<String> response = TestSubgraph.this.http.send(request.build(),
						HttpResponse.BodyHandlers.ofString());
				return new Response(response.statusCode(), json.readTree(response.body()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * A response of the test subgraph.
	 *
	 * @param status the HTTP status
	 * @param body the JSON body
	 */
	public record Response(int status, JsonNode body) {

		/**
		 * The codes of the response's errors, in order.
		 * @return the codes
		 */
		public List<String> errorCodes() {
			return this.body.path("errors")
				.valueStream()
				.map((error) -> error.path("extensions").path("code").asString())
				.toList();
		}

	}

}
