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
	 * C: the domain is case-insensitive and no mail provider in practice distinguishes
	 * the case of the local part, and {@code é} as one code point or as {@code e} with a
	 * combining accent is one address (RFC 6532), so the unique index must see one form.
	 * @param email the address as sent
	 * @return the normalised address, {@code null} when none was sent
	 */
	static @Nullable String normalise(@Nullable String email) {
		return (email != null) ? Normalizer.normalize(email.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFC)
				: null;
	}

}
