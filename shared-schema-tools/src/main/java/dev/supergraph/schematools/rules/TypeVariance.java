package dev.supergraph.schematools.rules;

/**
 * Whether a type reference such as {@code [Int!]!} may change into another without
 * breaking clients. Outputs may only get stricter (gain non-null); inputs may only get
 * looser (lose non-null).
 */
final class TypeVariance {

	private TypeVariance() {
	}

	static boolean isSafeOutputChange(String before, String after) {
		if (isNonNull(after)) {
			return isSafeOutputChange(isNonNull(before) ? inner(before) : before, inner(after));
		}
		return !isNonNull(before) && sameShape(before, after, true);
	}

	static boolean isSafeInputChange(String before, String after) {
		if (isNonNull(before)) {
			return isSafeInputChange(inner(before), isNonNull(after) ? inner(after) : after);
		}
		return !isNonNull(after) && sameShape(before, after, false);
	}

	private static boolean sameShape(String before, String after, boolean output) {
		if (isList(before) && isList(after)) {
			String oldItem = before.substring(1, before.length() - 1);
			String newItem = after.substring(1, after.length() - 1);
			return output ? isSafeOutputChange(oldItem, newItem) : isSafeInputChange(oldItem, newItem);
		}
		return !isList(before) && !isList(after) && before.equals(after);
	}

	private static boolean isNonNull(String type) {
		return type.endsWith("!");
	}

	private static boolean isList(String type) {
		return type.startsWith("[");
	}

	private static String inner(String type) {
		return type.substring(0, type.length() - 1);
	}

}
