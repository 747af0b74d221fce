package dev.supergraph.starter.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code extensions} every error carries: its code and the request's correlation id.
 */
public final class ErrorExtensions {

	/** Extension key of the documented error code. */
	public static final String CODE = "code";

	/** Extension key of the correlation id. */
	public static final String REQUEST_ID = "requestId";

	/**
	 * Extension key of the specific cause of a {@code BAD_USER_INPUT} refusal, e.g.
	 * {@code INVALID_CHARACTERS}.
	 */
	public static final String REASON = "reason";

	/**
	 * Extension key of the path of the offending input value, e.g.
	 * {@code ["input", "name"]}, named like the {@code field} of a user error.
	 */
	public static final String FIELD = "field";

	/**
	 * The {@code reason} of a request line, header or URI that could not be read, as the
	 * router names what its own HTTP parser refuses.
	 */
	public static final String MALFORMED_HTTP = "MALFORMED_HTTP";

	/**
	 * The {@code reason} of variables that do not fit the types the operation declares,
	 * as the router names it.
	 */
	public static final String INVALID_VARIABLES = "INVALID_VARIABLES";

	private ErrorExtensions() {
	}

	/**
	 * Extensions of a refusal with a specific cause.
	 * @param reason the cause, e.g. {@link #MALFORMED_HTTP}
	 * @return a map with {@code reason}
	 */
	public static Map<String, Object> reason(String reason) {
		return Map.of(REASON, reason);
	}

	/**
	 * Extensions for a code and a request id.
	 * @param code the error code
	 * @param requestId the correlation id
	 * @return a mutable map with {@code code} and {@code requestId}
	 */
	public static Map<String, Object> of(ErrorCode code, String requestId) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put(CODE, code.name());
		extensions.put(REQUEST_ID, requestId);
		return extensions;
	}

	/**
	 * Extensions of a {@code BAD_USER_INPUT} error about one input value; the request id
	 * is added when the response is shaped.
	 * @param reason the specific cause
	 * @param field the path of the offending value, list indices as strings
	 * @return a mutable map with {@code code}, {@code reason} and {@code field}
	 */
	public static Map<String, Object> badInput(String reason, List<String> field) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put(CODE, ErrorCode.BAD_USER_INPUT.name());
		extensions.put(REASON, reason);
		extensions.put(FIELD, List.copyOf(field));
		return extensions;
	}

}
