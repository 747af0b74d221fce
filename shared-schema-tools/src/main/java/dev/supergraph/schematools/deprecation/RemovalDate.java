package dev.supergraph.schematools.deprecation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The removal date a deprecation reason must carry, written
 * {@code Removal after yyyy-mm-dd}, for example
 * {@code @deprecated(reason: "Use sku. Removal after 2027-03-01")}. The element may be
 * removed from the day after that date on.
 */
public final class RemovalDate {

	/** The documented format, for messages. */
	public static final String FORMAT = "Removal after yyyy-mm-dd";

	private static final Pattern PATTERN = Pattern.compile("(?i)\\bremoval after (\\d{4}-\\d{2}-\\d{2})\\b");

	private RemovalDate() {
	}

	public static Optional<LocalDate> parse(@Nullable String reason) {
		if (reason == null) {
			return Optional.empty();
		}
		Matcher matcher = PATTERN.matcher(reason);
		if (!matcher.find()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(matcher.group(1)));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	public static boolean isRemovable(LocalDate removalDate, LocalDate today) {
		return today.isAfter(removalDate);
	}

}
