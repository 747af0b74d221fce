package dev.supergraph.starter.testsubgraph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;

import com.nimbusds.jose.JOSEException;
import dev.supergraph.starter.security.RouterSignature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The starter's test subgraph running on a free port over real HTTP, with every guard of
 * the starter switched on: router signature, API keys, JWTs of its own key, a small rate
 * limit and small request limits, and the feature flags of {@code test-flags.json}.
 * Started once per test run and shared; each test uses its own clients, so their rate
 * limits do not meet.
 */
public final class TestSubgraph {

	/** The router secret of the test subgraph. */
	public static final String ROUTER_SECRET = "test-subgraph-secret-0123456789abcdef";

	/** Requests per minute and client. */
	public static final int REQUESTS_PER_MINUTE = 3;

	/** The deepest selection accepted. */
	public static final int MAX_DEPTH = 4;

	/** The largest request body accepted, in bytes. */
	public static final int MAX_BODY_BYTES = 2048;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static TestSubgraph running;

	private final ConfigurableApplicationContext context;

	private final URI url;

	private final TestCredentials credentials;

	private final HttpClient http = HttpClient.newHttpClient();

	private final RouterSignature signature = RouterSignature.withSecret(ROUTER_SECRET);

	private TestSubgraph() throws IOException, JOSEException {
		Path directory = Files.createTempDirectory("test-subgraph");
		this.credentials = new TestCredentials(directory);
		Path flags = directory.resolve("flags.json");
		try (InputStream testFlags = TestSubgraph.class.getResourceAsStream("/test-flags.json")) {
			Files.copy(testFlags, flags);
		}
		this.context = new SpringApplicationBuilder(TestSubgraphApplication.class)
			.properties("server.port=0", "subgraph.database.embedded.enabled=false",
					"management.endpoint.health.validate-group-membership=false",
					"subgraph.security.jwt.public-key-location=file:" + this.credentials.publicKeyFile(),
					"subgraph.security.router-secret=" + ROUTER_SECRET,
					"subgraph.security.api-keys.file=" + this.credentials.keyFile(),
					"subgraph.security.api-keys.reload-interval=0s",
					"subgraph.rate-limit.requests-per-minute=" + REQUESTS_PER_MINUTE,
					"subgraph.limits.max-depth=" + MAX_DEPTH, "subgraph.limits.max-body-size=" + MAX_BODY_BYTES + "B",
					"subgraph.flags.file=" + flags)
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
	public TestRequest request(String document) {
		return new TestRequest(this.http, this.url, this.signature, document);
	}

	/**
	 * A request made byte by byte, signed like the router's: a JSON {@code POST} with
	 * {@code Accept: application/json} and an empty body until told otherwise.
	 * @return the request
	 */
	public RawRequest raw() {
		return new RawRequest(this.http, this.url, this.signature);
	}

	/**
	 * Where the test subgraph serves GraphQL.
	 * @return its {@code /graphql} URL
	 */
	public URI url() {
		return this.url;
	}

	/**
	 * The issuer of the test subgraph's tokens and API keys.
	 * @return the credentials
	 */
	public TestCredentials credentials() {
		return this.credentials;
	}

	/**
	 * A bearer token of the test subgraph's issuer, valid for five minutes.
	 * @param subject the user id
	 * @param scopes the scopes
	 * @return the token
	 */
	public String token(String subject, String... scopes) {
		return this.credentials.token(subject, scopes);
	}

	/**
	 * Add a machine client's key to the test subgraph's key file.
	 * @param client the client's name
	 * @param scopes its scopes
	 * @return the key
	 */
	public String apiKey(String client, String... scopes) {
		return this.credentials.apiKey(client, scopes);
	}

	/**
	 * A bean of the running test subgraph, to read what it recorded (e.g. its meters).
	 * @param <T> the bean type
	 * @param type the bean type
	 * @return the bean
	 */
	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

}
