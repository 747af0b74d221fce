package dev.supergraph.starter.errors;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import dev.supergraph.starter.observability.RequestIds;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * The last word on every error of a response: errors raised by graphql-java itself
 * (syntax, validation, aborted execution) get a documented code, those the router refuses
 * with a reason get it and the router's message ({@link RequestErrors}; a literal that
 * does not fit its type its own, {@link LiteralMessages}), every error gets the request
 * id, an error without a known code is replaced by a generic {@code INTERNAL} message so
 * that nothing unvetted reaches the client, and every message is {@link ShownText shown
 * text}: graphql-java's quote the document and the variables. A request refused before
 * running anything ({@link RefusedOperationException}) is answered as a refusal.
 */
class ErrorShapingInterceptor implements WebGraphQlInterceptor, Ordered {

	private final ErrorMessages messages;

	private final LiteralMessages literals;

	ErrorShapingInterceptor(ErrorMessages messages, LiteralMessages literals) {
		this.messages = messages;
		this.literals = literals;
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
			refuseIfRefused(response);
			String requestId = RequestIds.of(response.getExecutionInput().getGraphQLContext());
			List<ResponseError> errors = response.getErrors();
			List<GraphQLError> raised = response.getExecutionResult().getErrors();
			Map<LiteralMistakes.At, String> literalMessages = this.literals.of(response.getExecutionInput(), raised,
					locale);
			List<GraphQLError> shaped = IntStream.range(0, errors.size())
				.mapToObj((index) -> shape(errors.get(index), RequestErrors.of(raised.get(index)),
						LiteralMessages.of(raised.get(index), literalMessages), requestId, locale))
				.toList();
			return response.transform((builder) -> builder.errors(shaped));
		});
	}

	// Answered by RefusedRequestResolver, as a refusal found while the body was read.
	private static void refuseIfRefused(WebGraphQlResponse response) {
		for (GraphQLError error : response.getExecutionResult().getErrors()) {
			if (error instanceof RefusedOperationException refused) {
				throw new RefusedRequestException(refused.refusal());
			}
		}
	}

	private GraphQLError shape(ResponseError error, RequestErrors.@Nullable Refusal refusal,
			@Nullable String literalMessage, String requestId, Locale locale) {
		Map<String, Object> extensions = error.getExtensions();
		ErrorCode code = ErrorCodes.of(extensions.get(ErrorExtensions.CODE), error.getErrorType());
		String message = error.getMessage();
		boolean unvetted = ErrorCodes.known(extensions.get(ErrorExtensions.CODE)) == null;
		if (refusal != null) {
			code = ErrorCode.BAD_USER_INPUT;
			if (refusal.messageKey() != null) {
				message = this.messages.get(code, refusal.messageKey(), new Object[0], locale);
			}
			else if (literalMessage != null) {
				message = literalMessage;
			}
		}
		else if (unvetted && (code == ErrorCode.INTERNAL || message == null)) {
			message = this.messages.get(code, locale);
		}
		Map<String, Object> shapedExtensions = ErrorExtensions.of(code, requestId);
		if (refusal != null) {
			shapedExtensions.put(ErrorExtensions.REASON, refusal.reason());
		}
		extensions.forEach(shapedExtensions::putIfAbsent);
		shapedExtensions.put(ErrorExtensions.CODE, code.name());
		// the classification mirrors the code: graphql-java's own names are not API
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorClassification.errorClassification(code.name()))
			.message(ShownText.of(message, ShownText.MESSAGE_CODE_POINTS))
			.locations(error.getLocations())
			.path(error.getParsedPath().isEmpty() ? null : error.getParsedPath())
			.extensions(shapedExtensions)
			.build();
	}

}
