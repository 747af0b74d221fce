package dev.supergraph.client;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GraphQL errors in the body of an HTTP error status, or one CLIENT_ERROR when it has
 * none.
 */
final class RefusalBody {

	private static final JsonMapper json = JsonMapper.builder().build();

	private RefusalBody() {
	}

	static List<ClientError> errors(int status, String body) {
		JsonNode errors;
		try {
			errors = json.readTree(body).path("errors");
		}
		catch (JacksonException ex) {
			errors = null;
		}
		if (errors == null || !errors.isArray() || errors.isEmpty()) {
			return List.of(ClientError.ofClient("HTTP " + status + " without a GraphQL response"));
		}
		List<ClientError> result = new ArrayList<>();
		for (JsonNode error : errors) {
			JsonNode extensions = error.path("extensions");
			List<Object> path = new ArrayList<>();
			error.path("path")
				.forEach((segment) -> path.add(segment.isNumber() ? segment.asInt() : segment.asString()));
			result.add(new ClientError(ClientError.codeOf(extensions.path("code").asString(null)),
					error.path("message").asString(""), List.copyOf(path), extensions.path("requestId").asString(null),
					extensions.has("retryAfterSeconds") ? extensions.path("retryAfterSeconds").asInt() : null,
					extensions.path("reason").asString(null)));
		}
		return List.copyOf(result);
	}

}
