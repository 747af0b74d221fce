package dev.supergraph.starter.errors;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.supergraph.starter.observability.RequestIds;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * The last word on every error of a response: errors raised by graphql-java itself
 * (syntax, validation, aborted execution) get a documented code, every error gets the
 * request id, and an error without a known code is replaced by a generic {@code INTERNAL}
 * message so that nothing unvetted reaches the client.
 */
class ErrorShapingInterceptor implements WebGraphQlInterceptor, Ordered {

	private final ErrorMessages messages;

	ErrorShapingInterceptor(ErrorMessages messages) {
		this.messages = messages;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Locale locale = (request.getLocale() != null) ? request.getLocale() : Locale.ENGLISH;
		return chain.next(request).map((response) -> {
			if (response.getErrors().isEmpty()) {
				return response;
			}
			String requestId = RequestIds.of(response.getExecutionInput().getGraphQLContext());
			List<GraphQLError> shaped = response.getErrors()
				.stream()
				.map((error) -> shape(error, requestId, locale))
				.toList();
			return response.transform((builder) -> builder.errors(shaped));
		});
	}

	private GraphQLError shape(ResponseError error, String requestId, Locale locale) {
		Map<String, Object> extensions = error.getExtensions();
		ErrorCode code = knownCode(extensions.get(ErrorExtensions.CODE));
		String message = error.getMessage();
		if (code == null) {
			code = classify(error.getErrorType());
			if (code == ErrorCode.INTERNAL || message == null) {
				message = this.messages.get(code, locale);
			}
		}
		Map<String, Object> shapedExtensions = ErrorExtensions.of(code, requestId);
		extensions.forEach(shapedExtensions::putIfAbsent);
		shapedExtensions.put(ErrorExtensions.CODE, code.name());
		// the classification mirrors the code: graphql-java's own names are not API
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorClassification.errorClassification(code.name()))
			.message(message)
			.locations(error.getLocations())
			.path(error.getParsedPath().isEmpty() ? null : error.getParsedPath())
			.extensions(shapedExtensions)
			.build();
	}

	private static ErrorCode classify(ErrorClassification type) {
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

	private static @Nullable ErrorCode knownCode(@Nullable Object value) {
		for (ErrorCode code : ErrorCode.values()) {
			if (code.name().equals(value)) {
				return code;
			}
		}
		return null;
	}

}
