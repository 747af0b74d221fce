package dev.supergraph.users.user;

import org.jspecify.annotations.Nullable;

/**
 * Input of {@code updateProfile}, trimmed, with the email in lower case; its rules are
 * the schema's {@code @constraint}s. {@code null} fields stay unchanged.
 *
 * @param name the new display name
 * @param email the new email address
 */
record UpdateProfileInput(@Nullable String name, @Nullable String email) {

	UpdateProfileInput {
		name = (name != null) ? name.strip() : null;
		email = EmailAddress.normalise(email);
	}

}
