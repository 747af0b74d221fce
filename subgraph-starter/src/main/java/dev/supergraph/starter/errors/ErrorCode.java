package dev.supergraph.starter.errors;

import org.springframework.http.HttpStatus;

/**
 * The documented list of {@code extensions.code} values a client can receive. Anything a
 * client can see carries exactly one of these codes.
 */
public enum ErrorCode {

	/** No or an invalid/expired credential where one is required. */
	UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),

	/** Authenticated, but not allowed to see or do this. */
	FORBIDDEN(HttpStatus.FORBIDDEN),

	/**
	 * The request or its arguments are invalid (syntax, validation, malformed ids,
	 * bodies).
	 */
	BAD_USER_INPUT(HttpStatus.BAD_REQUEST),

	/** The requested object or route does not exist. */
	NOT_FOUND(HttpStatus.NOT_FOUND),

	/** Too many requests from this client; retry later. */
	RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),

	/**
	 * The operation exceeds a limit of its shape: tokens, aliases, root fields,
	 * directives per field, depth or complexity (the body size limit answers
	 * BAD_USER_INPUT).
	 */
	QUERY_TOO_COMPLEX(HttpStatus.BAD_REQUEST),

	/**
	 * A dependency (database, another subgraph) is down or too slow, or the request timed
	 * out.
	 */
	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),

	/** An unexpected failure; the server log has the details under the request id. */
	INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR);

	private final HttpStatus httpStatus;

	ErrorCode(HttpStatus httpStatus) {
		this.httpStatus = httpStatus;
	}

	/**
	 * The HTTP status used when the error ends the request before GraphQL execution.
	 * @return the HTTP status for this code
	 */
	public HttpStatus httpStatus() {
		return this.httpStatus;
	}

	/**
	 * The message bundle key of the default message for this code.
	 * @return the key, e.g. {@code error.NOT_FOUND}
	 */
	/**
	 * Whether the caller caused it (a 4xx code), rather than the service or one of its
	 * dependencies ({@code INTERNAL}, {@code SERVICE_UNAVAILABLE}).
	 * @return {@code true} for a client's error
	 */
	public boolean isClientError() {
		return this.httpStatus.is4xxClientError();
	}

	public String messageKey() {
		return "error." + name();
	}

	static ErrorCode forHttpStatus(int status) {
		for (ErrorCode code : values()) {
			if (code.httpStatus.value() == status && code != QUERY_TOO_COMPLEX) {
				return code;
			}
		}
		return (status >= 400 && status < 500) ? BAD_USER_INPUT : INTERNAL;
	}

}
