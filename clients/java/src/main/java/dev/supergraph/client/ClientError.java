package dev.supergraph.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A GraphQL error of a response, with its documented code.
 *
 * @param code the error's {@code extensions.code}, {@link ErrorCode#CLIENT_ERROR} when no
 * GraphQL answer came back or the code is not a documented one
 * @param message the message, in the request's language
 * @param path where in the response it happened, empty for a request error
 * @param requestId quote it to the platform team: it finds the request's logs and trace
 * @param retryAfterSeconds when {@code RATE_LIMITED}, when to try again (the result's
 * {@link Result#retryAfterSeconds()} takes the answer's headers into account too)
 * @param reason the refusal's finer reason where the router gives one
 * ({@code extensions.reason}, e.g. {@code PERSISTED_QUERY_NOT_FOUND}); for a
 * {@code CLIENT_ERROR} of the client's own, the name of a {@link ClientErrorReason}
 */
public record ClientError(ErrorCode code, String message, List<Object> path, @Nullable String requestId,
		@Nullable Integer retryAfterSeconds, @Nullable String reason) {

	/**
	 * An error without a finer reason: the constructor before {@code reason} was added,
	 * kept so code that builds errors (a test's stand-in result) still compiles.
	 * @param code its documented code
	 * @param message what happened
	 * @param path where in the response
	 * @param requestId the request's id
	 * @param retryAfterSeconds when to try again, for {@code RATE_LIMITED}
	 */
	public ClientError(ErrorCode code, String message, List<Object> path, @Nullable String requestId,
			@Nullable Integer retryAfterSeconds) {
		this(code, message, path, requestId, retryAfterSeconds, null);
	}

	static ClientError ofClient(String message, ClientErrorReason reason) {
		return new ClientError(ErrorCode.CLIENT_ERROR, message, List.of(), null, null, reason.name());
	}

	static ErrorCode codeOf(@Nullable Object code) {
		for (ErrorCode known : ErrorCode.values()) {
			if (known.name().equals(code)) {
				return known;
			}
		}
		return ErrorCode.CLIENT_ERROR;
	}

}
