package dev.supergraph.schematools.check;

import java.time.LocalDate;

/**
 * The switches of the check.
 *
 * @param deprecationPolicy whether deprecations must carry a removal date and whether a
 * breaking removal of an element deprecated past its date, used by no known operation, is
 * allowed; when off, every breaking change fails
 * @param failOnDangerous whether dangerous changes fail the check too
 * @param today the date removal dates are compared with
 */
public record CheckPolicy(boolean deprecationPolicy, boolean failOnDangerous, LocalDate today) {

	public static CheckPolicy defaults(LocalDate today) {
		return new CheckPolicy(true, false, today);
	}

}
