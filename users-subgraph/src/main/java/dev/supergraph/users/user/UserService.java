package dev.supergraph.users.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import dev.supergraph.starter.errors.UserErrors;
import dev.supergraph.starter.validation.InputValidator;
import dev.supergraph.starter.errors.UserError;
import dev.supergraph.starter.security.Viewer;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration and profile changes: validation, then the database's primary key and
 * unique email index as the final word on races (never a check before writing).
 * <p>
 * Identities live in the identity provider that issues the tokens; this subgraph cannot
 * mint tokens. So {@code registerUser} is not an anonymous sign-up (it would create users
 * nobody can ever log in as, and let anyone squat email addresses): it creates the
 * profile of the authenticated caller, with the caller's token subject as the user id,
 * once.
 */
@Service
class UserService {

	private final UserRows users;

	private final InputValidator validator;

	private final UserErrors userErrors;

	private final TransactionTemplate transactions;

	UserService(UserRows users, InputValidator validator, UserErrors userErrors, TransactionTemplate transactions) {
		this.users = users;
		this.validator = validator;
		this.userErrors = userErrors;
		this.transactions = transactions;
	}

	UserPayload register(Viewer viewer, RegisterUserInput input, Locale locale) {
		List<UserError> errors = this.validator.validate(input, locale);
		if (!errors.isEmpty()) {
			return UserPayload.failed(errors);
		}
		String subject = viewer.requireUserId();
		OptionalLong id = viewer.requireUserNumber();
		if (id.isEmpty()) {
			return UserPayload.failed(error("UNSUPPORTED_SUBJECT", "users.unsupportedSubject", locale, subject));
		}
		User user = new User(id.getAsLong(), input.name(), input.email(), now());
		try {
			this.users.insert(user);
			return UserPayload.of(user);
		}
		catch (DataIntegrityViolationException ex) {
			return UserPayload.failed(conflict(ex, input.email(), subject, locale));
		}
	}

	UserPayload updateProfile(Viewer viewer, UpdateProfileInput input, Locale locale) {
		List<UserError> errors = this.validator.validate(input, locale);
		if (!errors.isEmpty()) {
			return UserPayload.failed(errors);
		}
		OptionalLong id = viewer.requireUserNumber();
		UserPayload notRegistered = UserPayload.failed(error("NOT_REGISTERED", "users.notRegistered", locale, ""));
		if (id.isEmpty()) {
			return notRegistered;
		}
		try {
			Optional<User> updated = this.transactions.execute((status) -> change(id.getAsLong(), input));
			return updated.map(UserPayload::of).orElse(notRegistered);
		}
		catch (DataIntegrityViolationException ex) {
			return UserPayload.failed(conflict(ex, String.valueOf(input.email()), "", locale));
		}
	}

	/** Locks the row so that two concurrent changes of different fields both survive. */
	private Optional<User> change(long id, UpdateProfileInput input) {
		return this.users.findForUpdateById(id).map((user) -> {
			user.changeProfile(input.name(), input.email());
			this.users.update(user);
			return user;
		});
	}

	private UserError conflict(DataIntegrityViolationException ex, String email, String subject, Locale locale) {
		String constraint = String.valueOf(ex.getMostSpecificCause().getMessage());
		if (constraint.contains("users_email_unique")) {
			return error("EMAIL_TAKEN", "users.emailTaken", locale, email, "email");
		}
		if (constraint.contains("users_pkey")) {
			return error("ALREADY_REGISTERED", "users.alreadyRegistered", locale, subject);
		}
		throw ex;
	}

	/**
	 * Microseconds: what PostgreSQL stores, so the payload shows what a later read shows.
	 */
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	private UserError error(String code, String key, Locale locale, String value, String... field) {
		return this.userErrors.of(code, key, value, locale, (Object[]) field);
	}

}
