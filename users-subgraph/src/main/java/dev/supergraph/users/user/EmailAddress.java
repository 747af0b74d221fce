package dev.supergraph.users.user;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The rules every stored email address follows.
 */
final class EmailAddress {

	/**
	 * On top of Hibernate Validator's {@code @Email} syntax check: a dot in the domain,
	 * as deliverable addresses have ({@code @Email} alone accepts {@code a@b}).
	 */
	static final String PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

	/**
	 * {@link #PATTERN} or empty: an empty required address is reported once, by
	 * {@code @NotBlank}, not a second time as malformed.
	 */
	static final String OPTIONAL_PATTERN = "(" + PATTERN + ")?";

	/** RFC 5321's limit on the length of a forward path. */
	static final int MAX_LENGTH = 254;

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
