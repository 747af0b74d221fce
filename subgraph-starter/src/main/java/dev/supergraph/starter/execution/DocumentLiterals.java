package dev.supergraph.starter.execution;

/**
 * The tokens of a GraphQL document as far as its number literals go: comments, strings,
 * block strings and names are skipped whole, so digits in them are no numbers. One pass
 * over the text, the router's {@code documentNumberLongerThan}
 * ({@code router/request-shape.mjs}) in Java.
 */
final class DocumentLiterals {

	private DocumentLiterals() {
	}

	/**
	 * Whether a document writes an Int or Float literal longer than {@code max}
	 * characters; none for a document no longer than that.
	 * @param document the document
	 * @param max the longest literal taken
	 * @return whether a literal is longer
	 */
	static boolean numberLongerThan(String document, int max) {
		if (document.length() <= max) {
			return false;
		}
		int i = 0;
		while (i < document.length()) {
			char c = document.charAt(i);
			int end = tokenEnd(document, i);
			if ((c == '-' || isDigit(c)) && end - i > max) {
				return true;
			}
			i = end;
		}
		return false;
	}

	// Index after the token at i: a comment, a string, a block string, a name, a number,
	// or one character of anything else
	private static int tokenEnd(String document, int i) {
		char c = document.charAt(i);
		if (c == '#') {
			return lineEnd(document, i);
		}
		if (c == '"') {
			return document.startsWith("\"\"\"", i) ? blockStringEnd(document, i) : stringEnd(document, i);
		}
		if (c == '_' || isLetter(c)) {
			return runEnd(document, i, DocumentLiterals::isNamePart);
		}
		if (c == '-' || isDigit(c)) {
			return runEnd(document, i, DocumentLiterals::isNumberPart);
		}
		return i + 1;
	}

	// at the line break, which is then read as any other character
	private static int lineEnd(String document, int start) {
		int end = start;
		while (end < document.length() && document.charAt(end) != '\n' && document.charAt(end) != '\r') {
			end++;
		}
		return end;
	}

	// after the closing quote, or after the line break an unterminated string ends at
	private static int stringEnd(String document, int start) {
		for (int i = start + 1; i < document.length(); i++) {
			char c = document.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == '"' || c == '\n' || c == '\r') {
				return i + 1;
			}
		}
		return document.length();
	}

	// after the closing """, which \""" does not close
	private static int blockStringEnd(String document, int start) {
		for (int i = start + 3; i < document.length(); i++) {
			if (document.startsWith("\\\"\"\"", i)) {
				i += 3;
			}
			else if (document.startsWith("\"\"\"", i)) {
				return i + 3;
			}
		}
		return document.length();
	}

	private static int runEnd(String document, int start, CharPredicate part) {
		int end = start + 1;
		while (end < document.length() && part.test(document.charAt(end))) {
			end++;
		}
		return end;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private static boolean isNamePart(char c) {
		return c == '_' || isLetter(c) || isDigit(c);
	}

	// a number's sign, digits, point and exponent
	private static boolean isNumberPart(char c) {
		return isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
	}

	@FunctionalInterface
	private interface CharPredicate {

		boolean test(char c);

	}

}
