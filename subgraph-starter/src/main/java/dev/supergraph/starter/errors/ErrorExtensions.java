package dev.supergraph.starter.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code extensions} every error carries: its code and the request's correlation id.
 */
public final class ErrorExtensions {

	/** Extension key of the documented error code. */
	public static final String CODE = "code";

	/** Extension key of the correlation id. */
	public static final String REQUEST_ID = "requestId";

	private ErrorExtensions() {
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

}
