package dev.supergraph.schematools.migration;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The machine-readable replacement in a deprecation reason: {@code Use `newField`.} or
 * {@code Use `Type.newField`.} at the start of the reason (the rest, such as the removal
 * date, is free text).
 *
 * @param type the type named with the field, {@code null} when only the field is named
 * (then it is the deprecated field's own type)
 * @param field the replacement field
 */
public record Replacement(@Nullable String type, String field) {

	private static final Pattern FORM = Pattern
		.compile("^\\s*Use `(?:([_A-Za-z][_0-9A-Za-z]*)\\.)?([_A-Za-z][_0-9A-Za-z]*)`\\.");

	public static Optional<Replacement> in(@Nullable String reason) {
		if (reason == null) {
			return Optional.empty();
		}
		Matcher matcher = FORM.matcher(reason);
		return matcher.find() ? Optional.of(new Replacement(matcher.group(1), matcher.group(2))) : Optional.empty();
	}

}
