package dev.supergraph.starter.ids;

import java.util.OptionalLong;

import dev.supergraph.starter.errors.ShownText;
import dev.supergraph.starter.errors.SubgraphException;

/**
 * Parses the numeric ids clients send as {@code ID} strings: 1 to 18 ASCII digits, the
 * {@code [0-9]{1,18}} of the schemas' id constraints. A malformed id is the caller's
 * mistake ({@code BAD_USER_INPUT}), never an internal error.
 */
public final class Ids {

	/** The most code points of a refused id that its message shows. */
	private static final int SHOWN = 40;

	private Ids() {
	}

	/**
	 * Parse an id argument.
	 * @param id the id as sent
	 * @return the numeric id
	 * @throws SubgraphException with {@code BAD_USER_INPUT} for a malformed id
	 */
	public static long parse(String id) {
		return tryParse(id).orElseThrow(() -> SubgraphException.badInput("input.invalidId", ShownText.of(id, SHOWN)));
	}

	/**
	 * Parse an id from an entity representation, where a malformed id is just unknown.
	 * @param id the id value
	 * @return the numeric id, or empty when malformed
	 */
	public static OptionalLong tryParse(Object id) {
		String text = String.valueOf(id);
		if (text.isEmpty() || text.length() > 18) {
			return OptionalLong.empty();
		}
		// ASCII digits only: Long.parseLong also reads other scripts' digits ("١٢٣",
		// "１２３"), which would make several strings name one object
		long value = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return OptionalLong.empty();
			}
			value = value * 10 + (c - '0');
		}
		return OptionalLong.of(value);
	}

	/**
	 * Parse a token subject as a user id: only its canonical decimal form, no leading
	 * zero. A subject is text to the identity provider and to the ownership rules, which
	 * compare it as such; read leniently, {@code "007"} would act as user 7 in one place
	 * and be refused as not user 7 in another.
	 * @param subject the subject
	 * @return the user id, or empty when the subject is not a canonical one
	 */
	public static OptionalLong tryParseSubject(String subject) {
		OptionalLong id = tryParse(subject);
		return (id.isPresent() && Long.toString(id.getAsLong()).equals(subject)) ? id : OptionalLong.empty();
	}

}
