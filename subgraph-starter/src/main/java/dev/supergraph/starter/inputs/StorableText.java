package dev.supergraph.starter.inputs;

/**
 * The text a subgraph accepts in a string input. Refused are NUL, which PostgreSQL cannot
 * store in text; the other C0 control characters except tab, line feed and carriage
 * return, which no name, key or search needs and which rewrite log lines and terminals;
 * and unpaired UTF-16 surrogates, which JSON escapes like {@code "\ud800"} put into Java
 * strings and which have no UTF-8 encoding (the driver would store {@code ?} instead).
 * Everything else is accepted as data, DEL, C1 controls and noncharacters included:
 * PostgreSQL stores them as sent.
 */
final class StorableText {

	private StorableText() {
	}

	static boolean isStorable(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				return false;
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

}
