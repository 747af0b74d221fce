package dev.supergraph.client;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The values the client puts in request headers, checked before the JDK sees them: its
 * own refusal ({@code invalid header value: "Bearer …"}) would repeat a token in a
 * message that callers log.
 */
final class HeaderValues {

	private HeaderValues() {
	}

	/**
	 * A token or API key as sent: without the whitespace around it (a token file's last
	 * newline), one word of visible ASCII.
	 * @param what what it is, for the message
	 * @param value the value
	 * @return the trimmed value
	 * @throws CredentialProblem naming the problem by position, never the value
	 */
	static String credential(String what, @Nullable String value) {
		if (value == null) {
			throw new CredentialProblem("the " + what + " is null");
		}
		String trimmed = value.replaceAll("^[\\t\\n\\r ]+|[\\t\\n\\r ]+$", "");
		if (trimmed.isEmpty()) {
			throw new CredentialProblem("the " + what + " is empty");
		}
		int refused = firstOutside(trimmed, '!');
		if (refused >= 0) {
			throw new CredentialProblem(
					"the " + what + " is not one word of visible ASCII: " + character(trimmed, refused));
		}
		return trimmed;
	}

	/**
	 * Refuses a header value of credentials that the request could not carry.
	 * @param name the header
	 * @param value the value
	 * @return the value
	 * @throws CredentialProblem naming the problem by position, never the value
	 */
	static String credentialHeader(String name, @Nullable String value) {
		if (value == null) {
			throw new CredentialProblem("the value of header " + name + " is null");
		}
		int refused = firstOutside(value, ' ');
		if (refused >= 0) {
			throw new CredentialProblem(
					"the value of header " + name + " is not a valid HTTP header value: " + character(value, refused));
		}
		return value;
	}

	/**
	 * Refuses a value the request could not carry.
	 * @param name the option, for the message
	 * @param value the value
	 * @return the value
	 * @throws IllegalArgumentException naming the problem by position
	 */
	static String option(String name, String value) {
		int refused = firstOutside(value, ' ');
		if (refused >= 0) {
			throw new IllegalArgumentException(
					name + " is not a valid HTTP header value: " + character(value, refused));
		}
		return value;
	}

	/**
	 * The first character outside {@code lowest}…{@code ~} (a tab allowed with a space).
	 */
	private static int firstOutside(String value, char lowest) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c < lowest || c > '~') && !(lowest == ' ' && c == '\t')) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * A credential that cannot be sent.
	 */
	static final class CredentialProblem extends IllegalArgumentException {

		CredentialProblem(String message) {
			super(message);
		}

	}

	private static String character(String value, int index) {
		return "character " + (index + 1) + " is U+" + String.format(Locale.ROOT, "%04X", value.codePointAt(index));
	}

}
