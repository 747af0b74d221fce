package dev.supergraph.starter.ids;

import java.util.OptionalLong;

import dev.supergraph.starter.errors.SubgraphException;

/**
 * Parses the numeric ids clients send as {@code ID} strings; a malformed id is the
 * caller's mistake ({@code BAD_USER_INPUT}), never an internal error.
 */
public final class Ids {

	private Ids() {
	}

	/**
	 * Parse an id argument.
	 * @param id the id as sent
	 * @return the numeric id
	 * @throws SubgraphException with {@code BAD_USER_INPUT} for a malformed id
	 */
	public static long parse(String id) {
		return tryParse(id).orElseThrow(() -> SubgraphException.badInput("input.invalidId", abbreviate(id)));
	}

	/**
	 * Parse an id from an entity representation, where a malformed id is just unknown.
	 * @param id the id value
	 * @return the numeric id, or empty when malformed
	 */
	public static OptionalLong tryParse(Object id) {
		String text = String.valueOf(id);
		if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(Long.parseLong(text));
	}

	private static String abbreviate(String id) {
		return (id.length() > 40) ? id.substring(0, 40) + "…" : id;
	}

}
