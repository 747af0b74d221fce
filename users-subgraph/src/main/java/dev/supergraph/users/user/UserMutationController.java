package dev.supergraph.users.user;

import java.util.Locale;

import dev.supergraph.starter.security.Viewer;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * User mutations. Both require an authenticated caller, declared in the schema
 * ({@code @authenticated}) and enforced centrally by the starter; both act on the
 * caller's own user, never on an id taken from the input.
 */
@Controller
class UserMutationController {

	private final UserService service;

	UserMutationController(UserService service) {
		this.service = service;
	}

	@MutationMapping
	UserPayload registerUser(@Argument RegisterUserInput input, Viewer viewer, Locale locale) {
		return this.service.register(viewer, input, locale);
	}

	@MutationMapping
	UserPayload updateProfile(@Argument UpdateProfileInput input, Viewer viewer, Locale locale) {
		return this.service.updateProfile(viewer, input, locale);
	}

}
