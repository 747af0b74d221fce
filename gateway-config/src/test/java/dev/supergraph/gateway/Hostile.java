package dev.supergraph.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile documents and bodies shared by the adversarial tests, and the assertions every
 * refusal must pass: the documented status and code, and nothing internal in the body.
 */
final class Hostile {

	/**
	 * What must never reach a client: stack frames, class and package names (those of
	 * parsed JSON values too, which graphql-java names in its coercion messages), SQL and
	 * driver messages, field suggestions.
	 */
	static final String[] LEAKS = { "Exception", "at dev.", "at org.", "at java.", ".java:", "org.postgresql",
			"org.hibernate", "SQLState", "select ", "syntax error at", "Did you mean", "stackTrace", "stacktrace",
			"LinkedHashMap", "ArrayList", "BigInteger", "'Integer'", "'Long'", "'Double'", "'Boolean'", "'Map'" };

	/** Fourteen levels of category → products → category, over every depth limit. */
	static final String DEEP = "{ categories { products { edges { node { category { products { edges { node { "
			+ "category { products { edges { node { category { name } } } } } } } } } } } } } }";

	static final String CIRCULAR_FRAGMENTS = "query Loop { ...A } fragment A on Query { ...B } fragment B on Query { ...A }";

	/**
	 * 100 products with 10 of their category's each: 2401 by the cost estimate, forty of
	 * them over 20,000.
	 */
	static final String NESTED_PAGES = "products(first: 100) { edges { node { category { products(first: 10) "
			+ "{ edges { node { id } } } } } } }";

	static final String HUGE_PAGE = "{ products(first: 100000) { edges { node { id sku } } } }";

	static final String INTROSPECTION = "{ __schema { types { name fields { name } } } }";

	static final String MISSPELT = "{ prodcts { id } }";

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private Hostile() {
	}

	/** {@code count} aliases of the same field: {@code { a0: field a1: field … }}. */
	static String aliases(int count, String field) {
		return IntStream.range(0, count)
			.mapToObj((i) -> "a" + i + ": " + field)
			.collect(Collectors.joining(" ", "{ ", " }"));
	}

	/** {@code count} aliased {@code __typename}s, each with two directives. */
	static String directives(int count) {
		return aliases(count, "__typename @include(if: true) @skip(if: false)");
	}

	/**
	 * A JSON request body with {@code padding} bytes of ignorable whitespace in the
	 * document.
	 */
	static byte[] oversized(int padding) {
		return ("{\"query\":\"{ categories { id } }" + " ".repeat(padding) + "\"}").getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A JSON body whose string value {@code INVALID} is replaced by bytes that are not
	 * UTF-8.
	 */
	static byte[] invalidUtf8(String json) {
		String marker = "INVALID";
		int at = json.indexOf(marker);
		byte[] head = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
		byte[] tail = json.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8);
		byte[] bad = { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE };
		byte[] body = new byte[head.length + bad.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(bad, 0, body, head.length, bad.length);
		System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);
		return body;
	}

	/**
	 * A valid operation whose unused variable is an array nested {@code depth} levels
	 * deep: a JSON parser bomb.
	 */
	static byte[] nestedJson(int depth) {
		return ("{\"query\":\"{ categories { id } }\",\"variables\":{\"x\":" + "[".repeat(depth) + "]".repeat(depth)
				+ "}}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * POST a body without {@code Content-Length}, chunked, as a streaming client would.
	 * @param endpoint where to
	 * @param body the body
	 * @param headers more headers, as name and value
	 * @return the answer
	 */
	static Response postChunked(URI endpoint, byte[] body, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json, application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
		if (headers.length > 0) {
			builder.headers(headers);
		}
		HttpRequest request = builder.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The trusted documents' id: SHA-256 hex of the exact text. */
	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Refused with this HTTP status and first error code, without leaking anything. */
	static void assertRefused(Response response, int status, @Nullable String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(code(response)).as(response.body()).isEqualTo(code);
		assertNoLeak(response);
	}

	static void assertNoLeak(Response response) {
		assertThat(response.body()).doesNotContain(LEAKS);
	}

	/**
	 * The {@code extensions.code} of the first error; {@code null} when there is none.
	 */
	static @Nullable String code(Response response) {
		if (response.body().isBlank()) {
			return null;
		}
		JsonNode code = response.json().path("errors").path(0).path("extensions").path("code");
		return code.isString() ? code.asString() : null;
	}

	/**
	 * The {@code extensions.reason} of the first error: the router's specific reason for
	 * a {@code BAD_USER_INPUT} refusal.
	 */
	static String reason(Response response) {
		return response.json().path("errors").path(0).path("extensions").path("reason").asString();
	}

	/** Every error's code, e.g. to check that all aliases were refused alike. */
	static List<String> codes(Response response) {
		return response.json()
			.path("errors")
			.valueStream()
			.map((error) -> error.path("extensions").path("code").asString())
			.toList();
	}

}
