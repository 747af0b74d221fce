package dev.supergraph.orders.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.ErrorMessages;
import dev.supergraph.starter.errors.UserError;

import org.springframework.stereotype.Component;

/**
 * Builds the user errors of the order mutations with messages from the bundle.
 */
@Component
class UserErrors {

	private final ErrorMessages messages;

	UserErrors(ErrorMessages messages) {
		this.messages = messages;
	}

	/**
	 * A user error.
	 * @param code the stable code
	 * @param key the message key in {@code errors.properties}
	 * @param argument the message argument
	 * @param locale the caller's locale
	 * @param field the path of the offending field below {@code input}; none for a
	 * problem of the caller rather than of a field
	 * @return the user error
	 */
	UserError of(String code, String key, Object argument, Locale locale, Object... field) {
		String message = this.messages.get(ErrorCode.BAD_USER_INPUT, key, new Object[] { argument }, locale);
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
