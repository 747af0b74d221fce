package dev.supergraph.starter.testsubgraph;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.supergraph.starter.security.RouterSignature;
import org.jspecify.annotations.Nullable;

/**
 * A request to the test subgraph's GraphQL endpoint made byte by byte, as a careless or
 * hostile caller sends it: any method, content type, headers and body; signed like the
 * router's unless told otherwise.
 */
public final class RawRequest {

	private final HttpClient http;

	private final URI url;

	private final RouterSignature signature;

	private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	private String method = "POST";

	private byte[] body = new byte[0];

	private boolean signed = true;

	private boolean chunked;

	RawRequest(HttpClient http, URI url, RouterSignature signature) {
		this.http = http;
		this.url = url;
		this.signature = signature;
		this.headers.put("Content-Type", List.of("application/json"));
		this.headers.put("Accept", List.of("application/json"));
	}

	public RawRequest method(String method) {
		this.method = method;
		return this;
	}

	public RawRequest body(String body) {
		this.body = body.getBytes(StandardCharsets.UTF_8);
		return this;
	}

	public RawRequest body(byte[] body) {
		this.body = body.clone();
		return this;
	}

	/**
	 * Send a header, or leave it out.
	 * @param name its name
	 * @param value its value, {@code null} to send none
	 * @return this request
	 */
	public RawRequest header(String name, @Nullable String value) {
		if (value == null) {
			this.headers.remove(name);
		}
		else {
			this.headers.put(name, List.of(value));
		}
		return this;
	}

	/**
	 * Send a header as several lines, one per value.
	 * @param name its name
	 * @param lines its lines, in order
	 * @return this request
	 */
	public RawRequest headerLines(String name, List<String> lines) {
		this.headers.put(name, List.copyOf(lines));
		return this;
	}

	public RawRequest unsigned() {
		this.signed = false;
		return this;
	}

	/**
	 * Send the body as a stream, in chunks without {@code Content-Length}.
	 * @return this request
	 */
	public RawRequest chunked() {
		this.chunked = true;
		return this;
	}

	/**
	 * Send the request.
	 * @return status, headers and the body as text
	 */
	public Answer send() {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.url).method(this.method, publisher());
		if (this.signed) {
			request.header(RouterSignature.FRESHNESS_HEADER, this.signature.freshness(this.body));
		}
		this.headers.forEach((name, lines) -> lines.forEach((line) -> request.header(name, line)));
		try {
			var response = this.http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.BodyPublisher publisher() {
		if (this.chunked) {
			byte[] body = this.body;
			return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
		}
		return (this.body.length > 0 || "POST".equals(this.method)) ? BodyPublishers.ofByteArray(this.body)
				: BodyPublishers.noBody();
	}

	/**
	 * An answer as it came.
	 *
	 * @param status the HTTP status
	 * @param headers the response headers
	 * @param text the body
	 */
	public record Answer(int status, HttpHeaders headers, String text) {

	}

}
