package dev.supergraph.starter.limits;

import org.jspecify.annotations.Nullable;

/**
 * The headers a subgraph reads a GraphQL request body by, judged without parsing them
 * into media types on the way a valid request takes: a JSON body in UTF-8, sent
 * uncompressed ({@link AcceptHeader} reads what the caller accepts). A header this
 * accepts is also one Spring MVC's route to the GraphQL handler accepts.
 */
final class GraphQlHeaders {

	private static final String JSON = "application/json";

	private GraphQlHeaders() {
	}

	/**
	 * Whether a {@code Content-Type} is {@code application/json} in UTF-8: one media type
	 * (RFC 9110: parameters each {@code name=value}, empty ones and spaces around them
	 * allowed) whose {@code charset}, if it names one, is {@code utf-8}. A body declared
	 * in another charset was decoded in it, so UTF-8 text in a body declared Latin-1 was
	 * served, and stored, changed. The router judges the header by the same rule
	 * ({@code router/media-types.mjs}).
	 * @param contentType the header
	 * @return whether the body is read
	 */
	static boolean isUtf8Json(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		if (contentType.equals(JSON)) {
			return true;
		}
		String[] parts = contentType.split(";", -1);
		if (!trimmed(parts[0]).equalsIgnoreCase(JSON)) {
			return false;
		}
		for (int i = 1; i < parts.length; i++) {
			String parameter = trimmed(parts[i]);
			if (parameter.isEmpty()) {
				continue;
			}
			int equals = parameter.indexOf('=');
			if (equals <= 0) {
				return false;
			}
			String name = trimmed(parameter.substring(0, equals));
			String value = trimmed(parameter.substring(equals + 1)).replace("\"", "");
			if (name.equalsIgnoreCase("charset") && !value.equalsIgnoreCase("utf-8")) {
				return false;
			}
		}
		return true;
	}

	// Without the optional whitespace of HTTP (spaces and tabs) around it.
	static String trimmed(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && isOptionalWhitespace(text.charAt(start))) {
			start++;
		}
		while (end > start && isOptionalWhitespace(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(start, end);
	}

	private static boolean isOptionalWhitespace(char c) {
		return c == ' ' || c == '\t';
	}

	/**
	 * Whether no {@code Content-Encoding} but {@code identity} is declared (RFC 9110): a
	 * compressed body is not decoded, and was answered as malformed JSON.
	 * @param codings the header
	 * @return whether the body is read as it comes
	 */
	static boolean isIdentity(@Nullable String codings) {
		if (codings == null) {
			return true;
		}
		for (String coding : codings.split(",")) {
			String name = coding.strip();
			if (!name.isEmpty() && !name.equalsIgnoreCase("identity")) {
				return false;
			}
		}
		return true;
	}

}
