package dev.supergraph.users.user;

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
	 * Trim and lower-case an address as a client sent it; the domain is case-insensitive
	 * and no mail provider in practice distinguishes the case of the local part.
	 * @param email the address as sent
	 * @return the normalised address, {@code null} when none was sent
	 */
	static @Nullable String normalise(@Nullable String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : null;
	}

}
