package dev.supergraph.starter.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the localised {@link UserError}s of a subgraph's mutations: the message from the
 * message bundles in the caller's language, the field as a path below {@code input}.
 */
public final class UserErrors {

	private final ErrorMessages messages;

	UserErrors(ErrorMessages messages) {
		this.messages = messages;
	}

	/**
	 * A user error.
	 * @param code the stable code, e.g. {@code EMAIL_TAKEN}
	 * @param key the message key in the subgraph's {@code errors.properties}
	 * @param argument the message argument: a value of the input (an id, a key, an
	 * email), quoted as text, so that an id is not grouped like a quantity
	 * ({@code 1,234,567})
	 * @param locale the caller's locale
	 * @param field the path of the offending field below {@code input}; none for a
	 * problem of the caller rather than of a field
	 * @return the user error
	 */
	public UserError of(String code, String key, Object argument, Locale locale, Object... field) {
		String message = this.messages.get(ErrorCode.BAD_USER_INPUT, key, new Object[] { String.valueOf(argument) },
				locale);
		if (field.length == 0) {
			return new UserError(code, message, null);
		}
		List<String> path = new ArrayList<>();
		path.add("input");
		for (Object name : field) {
			path.add(String.valueOf(name));
		}
		return new UserError(code, message, path);
	}

}
