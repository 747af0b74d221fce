package dev.supergraph.starter.testsubgraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.supergraph.starter.security.RouterSignature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request to the test subgraph, signed like the router's unless told otherwise.
 */
public final class TestRequest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http;

	private final URI url;

	private final RouterSignature signature;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private final Map<String, Object> payload = new LinkedHashMap<>();

	private byte[] body;

	private boolean signed = true;

	TestRequest(HttpClient http, URI url, RouterSignature signature, String document) {
		this.http = http;
		this.url = url;
		this.signature = signature;
		this.payload.put("query", document);
		this.body = json.writeValueAsBytes(this.payload);
	}

	/**
	 * Send variables with the document.
	 * @param variables the variables
	 * @return this request
	 */
	public TestRequest variables(Map<String, ?> variables) {
		this.payload.put("variables", variables);
		this.body = json.writeValueAsBytes(this.payload);
		return this;
	}

	/**
	 * Name the operation of the document to run.
	 * @param name the operation name
	 * @return this request
	 */
	public TestRequest operationName(String name) {
		this.payload.put("operationName", name);
		this.body = json.writeValueAsBytes(this.payload);
		return this;
	}

	/**
	 * Send a bearer token.
	 * @param token the token
	 * @return this request
	 */
	public TestRequest bearer(String token) {
		this.headers.put("Authorization", "Bearer " + token);
		return this;
	}

	/**
	 * Send an API key.
	 * @param key the key
	 * @return this request
	 */
	public TestRequest apiKey(String key) {
		this.headers.put("X-Api-Key", key);
		return this;
	}

	/**
	 * Send a header.
	 * @param name its name
	 * @param value its value
	 * @return this request
	 */
	public TestRequest header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/**
	 * Send without the router's stamp.
	 * @return this request
	 */
	public TestRequest unsigned() {
		this.signed = false;
		return this;
	}

	/**
	 * Send with a stamp given as is, e.g. one already used.
	 * @param stamp the {@code X-Router-Freshness} value
	 * @return this request
	 */
	public TestRequest stamp(String stamp) {
		this.signed = false;
		this.headers.put(RouterSignature.FRESHNESS_HEADER, stamp);
		return this;
	}

	/**
	 * Pad the body with whitespace to a size.
	 * @param bytes the body's size
	 * @return this request
	 */
	public TestRequest paddedTo(int bytes) {
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
		return this.signature.freshness(this.body);
	}

	/**
	 * Send the request.
	 * @return status and body
	 */
	public TestResponse send() {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.url)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.body));
		if (this.signed) {
			request.header(RouterSignature.FRESHNESS_HEADER, freshStamp());
		}
		this.headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new TestResponse(response.statusCode(), json.readTree(response.body()), response.headers());
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
