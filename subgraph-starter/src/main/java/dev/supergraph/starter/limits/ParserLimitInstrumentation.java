package dev.supergraph.starter.limits;

import java.util.Locale;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.ErrorMessages;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;

/**
 * Answers the parser's denial-of-service cancellations with {@code QUERY_TOO_COMPLEX}
 * instead of a syntax error: graphql-java reports a document over the token limit as
 * {@code InvalidSyntax} and keeps only the message, so the cancellation is caught where
 * the parser's exception is still visible. Ordinary syntax errors stay
 * {@code BAD_USER_INPUT}.
 */
class ParserLimitInstrumentation extends SimplePerformantInstrumentation {

	private final int maxTokens;

	private final ErrorMessages messages;

	ParserLimitInstrumentation(int maxTokens, ErrorMessages messages) {
		this.maxTokens = maxTokens;
		this.messages = messages;
	}

	@Override
	public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		Locale locale = Locales.of(parameters.getExecutionInput().getLocale());
		// thrown while graphql-java parses: it aborts the request like the depth limit
		return SimpleInstrumentationContext.whenCompleted((document, failure) -> {
			if (failure instanceof ParseCancelledException) {
				throw new QueryTooComplexException(this.messages, locale, "limits.tokens", this.maxTokens);
			}
			if (failure instanceof ParseCancelledTooDeepException
					|| failure instanceof ParseCancelledTooManyCharsException) {
				throw new QueryTooComplexException(this.messages, locale, ErrorCode.QUERY_TOO_COMPLEX.messageKey());
			}
		});
	}

}
