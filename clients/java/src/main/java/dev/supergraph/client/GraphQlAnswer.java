package dev.supergraph.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A router's answer read as a GraphQL response, whatever its status and body: the root
 * field's value and the errors, or one {@link ClientErrorReason#NO_GRAPHQL_RESPONSE}. The
 * rules are {@code contract/client-responses.json}'s, which the TypeScript client follows
 * too.
 *
 * @param value the root field's value, {@code null} when the data does not have it
 * @param errors the response's errors
 */
record GraphQlAnswer(@Nullable JsonNode value, List<ClientError> errors) {

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Reads an answer of at most {@code maxResponseBytes}; nothing beyond is read.
	 */
	static GraphQlAnswer receive(ClientHttpResponse response, int maxResponseBytes, String rootField)
			throws IOException {
		int status = response.getStatusCode().value();
		InputStream body = response.getBody();
		boolean declaredTooLong = response.getHeaders().getContentLength() > maxResponseBytes;
		byte[] bytes = declaredTooLong ? new byte[0] : body.readNBytes(maxResponseBytes + 1);
		if (declaredTooLong || bytes.length > maxResponseBytes) {
			// closed before Spring's close, which would read the rest (an endless answer
			// for
			// ever) to reuse the connection
			body.close();
			return notGraphQl("HTTP " + status + " with an answer over " + maxResponseBytes + " bytes");
		}
		return read(status, new String(bytes, StandardCharsets.UTF_8), rootField);
	}

	static GraphQlAnswer read(int status, String body, String rootField) {
		JsonNode response = parse(body);
		if (response == null || !isResponse(response)) {
			return notGraphQl("HTTP " + status + " without a GraphQL response");
		}
		JsonNode data = response.path("data");
		List<ClientError> errors = errors(response.path("errors"));
		boolean success = status >= 200 && status < 300;
		if (errors.isEmpty() && (!success || !data.isObject())) {
			return notGraphQl("HTTP " + status + " without a GraphQL response");
		}
		if (errors.isEmpty() && !data.has(rootField)) {
			// a missing field must not pass for a null one: nothing found
			return notGraphQl("HTTP " + status + " without the operation's field " + rootField);
		}
		return new GraphQlAnswer(data.isObject() ? data.get(rootField) : null, errors);
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
				text(extensions.path("requestId")), isInt(retryAfter) ? retryAfter.asInt() : null,
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

	private static boolean isInt(JsonNode node) {
		return node.isIntegralNumber() && node.canConvertToInt();
	}

	private static @Nullable String text(JsonNode node) {
		return node.isString() ? node.asString() : null;
	}

	private static GraphQlAnswer notGraphQl(String message) {
		return new GraphQlAnswer(null, List.of(ClientError.ofClient(message, ClientErrorReason.NO_GRAPHQL_RESPONSE)));
	}

}
