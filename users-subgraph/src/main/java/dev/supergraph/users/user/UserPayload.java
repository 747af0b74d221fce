package dev.supergraph.users.user;

import java.util.List;

import dev.supergraph.starter.errors.UserError;
import org.jspecify.annotations.Nullable;

/**
 * The payload of {@code registerUser} and {@code updateProfile}: the user, or the user
 * errors.
 *
 * @param user the registered or updated user, {@code null} on user errors
 * @param userErrors the problems with the input
 */
record UserPayload(@Nullable User user, List<UserError> userErrors) {

	static UserPayload of(User user) {
		return new UserPayload(user, List.of());
	}

	static UserPayload failed(List<UserError> errors) {
		return new UserPayload(null, errors);
	}

	static UserPayload failed(UserError error) {
		return failed(List.of(error));
	}

}
