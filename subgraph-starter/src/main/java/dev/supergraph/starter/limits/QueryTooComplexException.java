package dev.supergraph.starter.limits;

import java.util.Locale;
import java.util.Map;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.ErrorExtensions;
import dev.supergraph.starter.errors.ErrorMessages;
import graphql.execution.AbortExecutionException;

/**
 * Aborts an operation over a limit of its shape with {@code QUERY_TOO_COMPLEX}, with a
 * bundle message in the caller's language.
 */
class QueryTooComplexException extends AbortExecutionException {

	private final String messageKey;

	private final Object[] arguments;

	QueryTooComplexException(ErrorMessages messages, Locale locale, String messageKey, Object... arguments) {
		super(messages.get(ErrorCode.QUERY_TOO_COMPLEX, messageKey, arguments, locale));
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	/**
	 * The same refusal in another language: graphql-java's depth and complexity limits
	 * build their exception without the request at hand.
	 */
	QueryTooComplexException inLocale(ErrorMessages messages, Locale locale) {
		return new QueryTooComplexException(messages, locale, this.messageKey, this.arguments);
	}

	@Override
	public Map<String, Object> getExtensions() {
		return Map.of(ErrorExtensions.CODE, ErrorCode.QUERY_TOO_COMPLEX.name());
	}

}
