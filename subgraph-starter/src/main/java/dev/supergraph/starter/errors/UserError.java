package dev.supergraph.starter.errors;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An expected problem of the caller, returned in a mutation payload's {@code userErrors}.
 *
 * @param code a stable, documented code such as {@code REQUIRED} or {@code EMAIL_TAKEN}
 * @param message a human-readable message
 * @param field the path of the offending input field, e.g. {@code ["input", "sku"]}
 */
public record UserError(String code, String message, @Nullable List<String> field) {

	public static UserError of(String code, String message, String... field) {
		return new UserError(code, message, (field.length > 0) ? List.of(field) : null);
	}

}
