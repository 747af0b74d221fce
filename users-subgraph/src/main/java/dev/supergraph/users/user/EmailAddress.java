package dev.supergraph.users.user;

import java.text.Normalizer;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How an email address is stored; its syntax and length are the schema's
 * {@code @constraint}s.
 */
final class EmailAddress {

	private EmailAddress() {
	}

	/**
	 * Trim and lower-case an address as a client sent it, in Unicode normalisation form
	 * C, with the lower-case letters that are one letter's case variants folded into one:
	 * the domain is case-insensitive and no mail provider in practice distinguishes the
	 * case of the local part, {@code é} as one code point or as {@code e} with a
	 * combining accent is one address (RFC 6532), and so are {@code ΣΟΦΙΑΣ} and
	 * {@code ΣΟΦΙΑσ} or {@code ſam} and {@code SAM}, whose lower case alone differs
	 * ({@code σοφιας}, {@code σοφιασ}; {@code ſam}, {@code sam}), so the unique index
	 * must see one form. Migration V3 folds stored addresses the same way.
	 * @param email the address as sent
	 * @return the normalised address, {@code null} when none was sent
	 */
	static @Nullable String normalise(@Nullable String email) {
		if (email == null) {
			return null;
		}
		String lower = Normalizer.normalize(email.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
		return Normalizer.normalize(foldCase(lower), Normalizer.Form.NFC);
	}

	/**
	 * Each code point as the lower case of its upper case: Unicode's simple case folding
	 * of lower-case text, which maps the final sigma {@code ς} to {@code σ}, the long
	 * {@code ſ} to {@code s}, the dotless {@code ı} to {@code i}, the micro sign to
	 * {@code μ} and the Greek letter symbols ({@code ϐ}, {@code ϑ}, …) to their letters.
	 */
	private static String foldCase(String lower) {
		return lower.codePoints()
			.map((c) -> Character.toLowerCase(Character.toUpperCase(c)))
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

}
