package dev.supergraph.starter.limits;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.ErrorExtensions;
import dev.supergraph.starter.errors.ErrorMessages;
import graphql.execution.AbortExecutionException;

/**
 * Refuses an operation that gives a list field more than one of its {@code @listSize}
 * slicing arguments where the field requires one: which of them sizes the list is the
 * resolver's guess, so the cost would be too. {@code BAD_USER_INPUT} with reason
 * {@code SLICING_ARGUMENTS}, as the router refuses it.
 */
class SlicingArgumentsException extends AbortExecutionException {

	static final String REASON = "SLICING_ARGUMENTS";

	private static final String MESSAGE_KEY = "limits.slicingArguments";

	private final String field;

	private final List<String> arguments;

	SlicingArgumentsException(ErrorMessages messages, Locale locale, String field, List<String> arguments) {
		super(messages.get(ErrorCode.BAD_USER_INPUT, MESSAGE_KEY, new Object[] { String.join(", ", arguments), field },
				locale));
		this.field = field;
		this.arguments = List.copyOf(arguments);
	}

	/**
	 * The same refusal in another language: the cost is measured without the request at
	 * hand.
	 */
	SlicingArgumentsException inLocale(ErrorMessages messages, Locale locale) {
		return new SlicingArgumentsException(messages, locale, this.field, this.arguments);
	}

	@Override
	public Map<String, Object> getExtensions() {
		return Map.of(ErrorExtensions.CODE, ErrorCode.BAD_USER_INPUT.name(), ErrorExtensions.REASON, REASON);
	}

}
