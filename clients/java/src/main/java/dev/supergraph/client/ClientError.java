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
 * @param retryAfterSeconds when {@code RATE_LIMITED}, when to try again
 */
public record ClientError(ErrorCode code, String message, List<Object> path, @Nullable String requestId,
		@Nullable Integer retryAfterSeconds) {

	static ClientError ofClient(String message) {
		return new ClientError(ErrorCode.CLIENT_ERROR, message, List.of(), null, null);
	}

}
