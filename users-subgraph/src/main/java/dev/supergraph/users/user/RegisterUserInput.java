package dev.supergraph.users.user;

/**
 * Input of {@code registerUser}, trimmed, with the email in lower case; its rules are the
 * schema's {@code @constraint}s.
 *
 * @param name the display name
 * @param email the email address
 */
record RegisterUserInput(String name, String email) {

	RegisterUserInput {
		name = (name != null) ? name.strip() : null;
		email = EmailAddress.normalise(email);
	}

}
