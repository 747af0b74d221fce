package dev.supergraph.starter.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.supergraph.starter.security.RouterSignature;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for GraphQL endpoints, as a client app would call them: real
 * sockets, real headers, raw status codes and bodies.
 */
public final class GraphQlHttpClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	// HTTP/1.1: some servers mishandle the h2c upgrade the JDK client offers by default
	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI endpoint;

	private final RouterSignature signature;

	public GraphQlHttpClient(URI endpoint) {
		this(endpoint, RouterSignature.withSecret(null));
	}

	private GraphQlHttpClient(URI endpoint, RouterSignature signature) {
		this.endpoint = endpoint;
		this.signature = signature;
	}

	/**
	 * The endpoint this client posts to, for tools that call it on their own.
	 * @return the GraphQL endpoint
	 */
	public URI endpoint() {
		return this.endpoint;
	}

	/**
	 * A client that signs its operations as the router does, to call a subgraph directly.
	 * @param secret the router secret of the subgraph
	 * @return the signing client
	 */
	public GraphQlHttpClient signedWith(String secret) {
		return new GraphQlHttpClient(this.endpoint, RouterSignature.withSecret(secret));
	}

	public static GraphQlHttpClient forPort(int port) {
		return new GraphQlHttpClient(URI.create("http://127.0.0.1:" + port + "/graphql"));
	}

	/**
	 * Send an operation as JSON.
	 * @param document the GraphQL document
	 * @param variables the variables, may be empty
	 * @param token a bearer token, or {@code null} for anonymous
	 * @return the response
	 */
	public Response post(String document, Map<String, ?> variables, @Nullable String token) {
		return postWithHeaders(document, variables,
				(token != null) ? Map.of("Authorization", "Bearer " + token) : Map.of());
	}

	/**
	 * Send an operation as JSON with an API key, as a machine client.
	 * @param document the GraphQL document
	 * @param variables the variables, may be empty
	 * @param apiKey the API key
	 * @return the response
	 */
	public Response postWithApiKey(String document, Map<String, ?> variables, String apiKey) {
		return postWithHeaders(document, variables, Map.of("X-Api-Key", apiKey));
	}

	/**
	 * Send an operation as JSON with extra headers.
	 * @param document the GraphQL document
	 * @param variables the variables, may be empty
	 * @param headers header names and values
	 * @return the response
	 */
	public Response postWithHeaders(String document, Map<String, ?> variables, Map<String, String> headers) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", document);
		body.put("variables", variables);
		byte[] bytes = json.writeValueAsBytes(body);
		HttpRequest.Builder request = stamped(request("application/json"), bytes)
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
		headers.forEach(request::header);
		return send(request.build());
	}

	public Response post(String document) {
		return post(document, Map.of(), null);
	}

	/**
	 * Send raw bytes, for malformed and hostile requests.
	 * @param contentType the content type header
	 * @param body the body bytes
	 * @param headers extra header name/value pairs
	 * @return the response
	 */
	public Response postRaw(String contentType, byte[] body, String... headers) {
		HttpRequest.Builder request = stamped(request(contentType), body)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	/**
	 * Send a GET, which the endpoint must refuse.
	 * @param query the query string, starting with {@code ?}
	 * @return the response
	 */
	public Response get(String query) {
		return send(HttpRequest.newBuilder(URI.create(this.endpoint + query)).GET().build());
	}

	/**
	 * A signing client stamps every body like the router; see {@link RouterSignature}.
	 */
	private HttpRequest.Builder stamped(HttpRequest.Builder request, byte[] body) {
		String stamp = this.signature.freshness(body);
		return (stamp != null) ? request.header(RouterSignature.FRESHNESS_HEADER, stamp) : request;
	}

	private HttpRequest.Builder request(String contentType) {
		return HttpRequest.newBuilder(this.endpoint)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", contentType)
			.header("Accept", "application/graphql-response+json, application/json");
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request to " + this.endpoint + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A raw HTTP response.
	 *
	 * @param status the HTTP status
	 * @param body the body text
	 * @param headers the response headers
	 */
	public record Response(int status, String body, HttpHeaders headers) {

		public Response(int status, String body) {
			this(status, body, HttpHeaders.of(Map.of(), (name, value) -> true));
		}

		public @Nullable String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		public JsonNode json() {
			return json.readTree(this.body);
		}

		/**
		 * The {@code extensions.code} of the first error, or {@code null} without errors.
		 * @return the code
		 */
		public @Nullable String firstErrorCode() {
			JsonNode errors = json().path("errors");
			return errors.isEmpty() ? null : errors.get(0).path("extensions").path("code").asString();
		}

		public JsonNode data() {
			return json().path("data");
		}

	}

}
