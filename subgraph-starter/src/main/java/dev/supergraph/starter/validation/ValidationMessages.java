package dev.supergraph.starter.validation;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.ErrorMessages;
import org.jspecify.annotations.Nullable;

/**
 * The message of a broken rule from the error bundles, most specific key first:
 * {@code validation.<InputType>.<field>} (a subgraph's wording for one field, e.g.
 * {@code validation.CreateProductInput.sku}), {@code validation.<Scalar>.<CODE>} (e.g.
 * {@code validation.ID.INVALID_FORMAT}), then {@code validation.<CODE>} with the bounds
 * ({@code .atLeast} / {@code .atMost} when only one is set). Arguments: {0} lower bound,
 * {1} upper bound, {2} pattern.
 */
final class ValidationMessages {

	private final ErrorMessages messages;

	ValidationMessages(ErrorMessages messages) {
		this.messages = messages;
	}

	String message(Violation violation, Locale locale) {
		Constraint constraint = violation.constraint();
		Object lower = lower(violation);
		Object upper = upper(violation);
		String generic = "validation." + violation.code() + suffix(violation.code(), lower, upper);
		List<String> keys = List.of("validation." + violation.owner() + "." + violation.name(),
				"validation." + violation.type() + "." + violation.code(), generic);
		Object[] arguments = { Objects.requireNonNullElse(lower, ""), Objects.requireNonNullElse(upper, ""),
				(constraint.pattern() != null) ? constraint.pattern().pattern() : "" };
		String message = this.messages.find(keys, arguments, locale);
		return (message != null) ? message : this.messages.get(ErrorCode.BAD_USER_INPUT, locale);
	}

	private static String suffix(String code, @Nullable Object lower, @Nullable Object upper) {
		if (!code.equals("INVALID_LENGTH") && !code.equals("OUT_OF_RANGE")) {
			return "";
		}
		return (upper == null) ? ".atLeast" : (lower == null) ? ".atMost" : "";
	}

	private static @Nullable Object lower(Violation violation) {
		Constraint constraint = violation.constraint();
		if (violation.code().equals("OUT_OF_RANGE")) {
			return constraint.min();
		}
		return violation.list() ? constraint.minItems() : constraint.minLength();
	}

	private static @Nullable Object upper(Violation violation) {
		Constraint constraint = violation.constraint();
		if (violation.code().equals("OUT_OF_RANGE")) {
			return constraint.max();
		}
		return violation.list() ? constraint.maxItems() : constraint.maxLength();
	}

}
