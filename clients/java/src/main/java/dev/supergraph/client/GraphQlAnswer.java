package dev.supergraph.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A router's answer read as a GraphQL response, whatever its status, headers and body:
 * the root field's value and the errors, or one
 * {@link ClientErrorReason#NO_GRAPHQL_RESPONSE}. The rules are
 * {@code contract/client-responses.json}'s, which the TypeScript client follows too.
 *
 * @param value the root field's value, {@code null} when the data does not have it
 * @param errors the response's errors
 * @param status the answer's HTTP status
 * @param retryAfterSeconds the longest delay the answer asks for ({@link RetryAfter}), or
 * {@code null}
 */
record GraphQlAnswer(@Nullable JsonNode value, List<ClientError> errors, int status,
		@Nullable Integer retryAfterSeconds) {

	/**
	 * Without Jackson's limits on nesting and on the length of names and strings, which
	 * TypeScript's JSON.parse does not have either: the answer's size
	 * ({@code maxResponseBytes}) bounds them, and Jackson reads nested containers without
	 * recursion. Its limit on the length of numbers stays: converting a longer one costs
	 * time that grows with the square of its length.
	 */
	private static final JsonMapper json = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(Integer.MAX_VALUE)
				.maxNameLength(Integer.MAX_VALUE)
				.maxStringLength(Integer.MAX_VALUE)
				.build())
			.build())
		.build();

	private static final String BYTE_ORDER_MARK = "\uFEFF";

	/**
	 * Reads an answer of at most {@code maxResponseBytes}; nothing beyond is read.
	 * @throws IncompleteAnswer when the body breaks off before its end
	 * @throws BrokenAnswer when the answer is not HTTP
	 * @throws ProxyRefusal when the answer is a proxy's 407
	 */
	static GraphQlAnswer receive(ClientHttpResponse response, int maxResponseBytes, String rootField)
			throws IOException {
		int status = response.getStatusCode().value();
		HttpHeaders headers = response.getHeaders();
		BrokenAnswer.checkContentLength(headers);
		BrokenAnswer.checkTransferEncoding(headers);
		ProxyRefusal.check(status);
		ContentCoding coding = ContentCoding.of(headers);
		byte[] bytes;
		try {
			bytes = bytes(response, coding, maxResponseBytes);
		}
		catch (ZipException ex) {
			return notGraphQl(status, "HTTP " + status + " with an answer that is not valid " + coding.name())
				.with(headers);
		}
		catch (IOException ex) {
			throw new IncompleteAnswer(
					notGraphQl(status, "HTTP " + status + " with an incomplete answer").with(headers), ex);
		}
		if (bytes == null) {
			return notGraphQl(status, "HTTP " + status + " with an answer over " + maxResponseBytes + " bytes")
				.with(headers);
		}
		String location = headers.getFirst(HttpHeaders.LOCATION);
		if (status >= 300 && status < 400 && location != null) {
			// never followed, as in TypeScript: the request would go where the Location
			// says
			return notGraphQl(status, "HTTP " + status + " redirect to " + location + ", not followed").with(headers);
		}
		// a coding it does not read is named where the body is no GraphQL response
		String noResponse = coding.isRead() ? "HTTP " + status + " without a GraphQL response"
				: "HTTP " + status + " in content encoding " + coding.name() + ", which the client does not read";
		return read(status, withoutByteOrderMark(new String(bytes, StandardCharsets.UTF_8)), rootField, noResponse)
			.with(headers);
	}

	/**
	 * The decoded body, or {@code null} when it is longer than {@code max} bytes, as
	 * decoded.
	 */
	private static byte @Nullable [] bytes(ClientHttpResponse response, ContentCoding coding, int max)
			throws IOException {
		InputStream body = coding.decode(response.getBody());
		boolean declaredTooLong = response.getHeaders().getContentLength() > max;
		byte[] bytes = declaredTooLong ? new byte[0] : body.readNBytes(max + 1);
		if (declaredTooLong || bytes.length > max) {
			// closed before Spring's close, which would read the rest (an endless answer
			// for ever) to reuse the connection
			body.close();
			return null;
		}
		return bytes;
	}

	/** Ignored, as RFC 8259 allows and TypeScript's decoder does. */
	private static String withoutByteOrderMark(String body) {
		return body.startsWith(BYTE_ORDER_MARK) ? body.substring(1) : body;
	}

	static GraphQlAnswer read(int status, String body, String rootField, String noResponse) {
		JsonNode response = parse(body);
		if (response == null || !isResponse(response)) {
			return notGraphQl(status, noResponse);
		}
		JsonNode data = response.path("data");
		List<ClientError> errors = errors(response.path("errors"));
		boolean success = status >= 200 && status < 300;
		if (errors.isEmpty() && (!success || !data.isObject())) {
			return notGraphQl(status, noResponse);
		}
		if (errors.isEmpty() && !data.has(rootField)) {
			// a missing field must not pass for a null one: nothing found
			return notGraphQl(status, "HTTP " + status + " without the operation's field " + rootField);
		}
		return new GraphQlAnswer(data.isObject() ? data.get(rootField) : null, errors, status, null);
	}

	/** This answer with the delay it asks for, by its errors and its headers. */
	private GraphQlAnswer with(HttpHeaders headers) {
		return new GraphQlAnswer(this.value, this.errors, this.status,
				RetryAfter.delay(this.status, headers.getOrEmpty(HttpHeaders.RETRY_AFTER), this.errors, Instant.now()));
	}

	private static @Nullable JsonNode parse(String body) {
		try {
			return json.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * A JSON object, its data absent, null or an object, its errors absent, null or a
	 * list.
	 */
	private static boolean isResponse(JsonNode response) {
		JsonNode data = response.path("data");
		JsonNode errors = response.path("errors");
		return response.isObject() && (data.isMissingNode() || data.isNull() || data.isObject())
				&& (errors.isMissingNode() || errors.isNull() || errors.isArray());
	}

	private static List<ClientError> errors(JsonNode errors) {
		List<ClientError> result = new ArrayList<>();
		errors.forEach((error) -> result.add(error(error)));
		return List.copyOf(result);
	}

	/** One error; a field of the wrong type is left out rather than trusted. */
	private static ClientError error(JsonNode error) {
		JsonNode extensions = error.path("extensions");
		JsonNode retryAfter = extensions.path("retryAfterSeconds");
		return new ClientError(ClientError.codeOf(text(extensions.path("code"))),
				(error.path("message").isString()) ? error.path("message").asString() : "", path(error.path("path")),
				text(extensions.path("requestId")), (isInt(retryAfter) && retryAfter.asInt() >= 0)
						? Math.min(retryAfter.asInt(), RetryAfter.MAX_SECONDS) : null,
				text(extensions.path("reason")));
	}

	private static List<Object> path(JsonNode path) {
		List<Object> segments = new ArrayList<>();
		if (!path.isArray()) {
			return List.of();
		}
		for (JsonNode segment : path) {
			if (!segment.isString() && !isInt(segment)) {
				return List.of();
			}
			segments.add(segment.isString() ? segment.asString() : segment.asInt());
		}
		return List.copyOf(segments);
	}

	/** A whole number an int holds; JSON does not tell {@code 1.0} from {@code 1}. */
	private static boolean isInt(JsonNode node) {
		return node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToInt();
	}

	private static @Nullable String text(JsonNode node) {
		return node.isString() ? node.asString() : null;
	}

	private static GraphQlAnswer notGraphQl(int status, String message) {
		return new GraphQlAnswer(null, List.of(ClientError.ofClient(message, ClientErrorReason.NO_GRAPHQL_RESPONSE)),
				status, null);
	}

}
