package dev.supergraph.users.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Input of {@code registerUser}, trimmed, with the email in lower case.
 *
 * @param name the display name
 * @param email the email address
 */
record RegisterUserInput(@NotBlank @Size(max = 100) String name,
		@NotBlank @Size(max = EmailAddress.MAX_LENGTH) @Email(regexp = EmailAddress.OPTIONAL_PATTERN) String email) {

	RegisterUserInput {
		name = (name != null) ? name.strip() : null;
		email = EmailAddress.normalise(email);
	}

}
