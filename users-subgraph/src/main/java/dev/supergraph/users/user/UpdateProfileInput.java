package dev.supergraph.users.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Input of {@code updateProfile}, trimmed, with the email in lower case; {@code null}
 * fields stay unchanged.
 *
 * @param name the new display name
 * @param email the new email address
 */
record UpdateProfileInput(@Nullable @Size(min = 1, max = 100) String name,
		@Nullable @Size(max = EmailAddress.MAX_LENGTH) @Email(regexp = EmailAddress.PATTERN) String email) {

	UpdateProfileInput {
		name = (name != null) ? name.strip() : null;
		email = EmailAddress.normalise(email);
	}

}
