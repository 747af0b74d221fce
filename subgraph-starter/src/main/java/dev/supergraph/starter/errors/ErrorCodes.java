package dev.supergraph.starter.errors;

import java.util.Map;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.execution.ErrorType;

/**
 * The documented code of an error as graphql-java, Spring for GraphQL or a resolver
 * raised it, before {@link ErrorShapingInterceptor} shapes the response: the code it
 * carries, else the one its classification stands for, else {@code INTERNAL}. One rule
 * for the response and for whatever tells errors apart before it, such as the request
 * metrics.
 */
public final class ErrorCodes {

	private ErrorCodes() {
	}

	/**
	 * The code of an error of an execution result.
	 * @param error the error
	 * @return its documented code
	 */
	public static ErrorCode of(GraphQLError error) {
		Map<String, Object> extensions = error.getExtensions();
		return of((extensions != null) ? extensions.get(ErrorExtensions.CODE) : null, error.getErrorType());
	}

	static ErrorCode of(@Nullable Object code, @Nullable ErrorClassification type) {
		ErrorCode known = known(code);
		return (known != null) ? known : classify(type);
	}

	static @Nullable ErrorCode known(@Nullable Object value) {
		for (ErrorCode code : ErrorCode.values()) {
			if (code.name().equals(value)) {
				return code;
			}
		}
		return null;
	}

	private static ErrorCode classify(@Nullable ErrorClassification type) {
		if (type == graphql.ErrorType.InvalidSyntax || type == graphql.ErrorType.ValidationError
				|| type == ErrorType.BAD_REQUEST) {
			return ErrorCode.BAD_USER_INPUT;
		}
		if (type == ErrorType.UNAUTHORIZED) {
			return ErrorCode.UNAUTHENTICATED;
		}
		if (type == ErrorType.FORBIDDEN) {
			return ErrorCode.FORBIDDEN;
		}
		if (type == ErrorType.NOT_FOUND) {
			return ErrorCode.NOT_FOUND;
		}
		if (type == graphql.ErrorType.ExecutionAborted) {
			return ErrorCode.QUERY_TOO_COMPLEX;
		}
		return ErrorCode.INTERNAL;
	}

}
