package dev.supergraph.starter.errors;

/**
 * A client's text as an error message shows it: at most a given number of whole code
 * points, each that would not show as itself (a control or format character such as a
 * bidi override, a private-use or unassigned one, an unpaired surrogate) as U+FFFD, the
 * last one {@code …} where it was cut, so that shown text shows as itself (the router
 * shows a subgraph's message again). A message is text a client displays, logs and parses
 * as JSON: a bidi override or an escape sequence rewrites what a reader sees, an unpaired
 * surrogate breaks strict JSON parsers, and a message quoting a whole request doubles its
 * size. The router shows its libraries' messages by the same rule
 * ({@code contract/shown-text.json}).
 */
public final class ShownText {

	/** The most code points of an error message, which may quote a client's text. */
	public static final int MESSAGE_CODE_POINTS = 500;

	private ShownText() {
	}

	/**
	 * The text as shown.
	 * @param text the text, e.g. an id or a library's message quoting a document
	 * @param maxCodePoints the most code points shown
	 * @return the text itself when it shows as itself in full
	 */
	public static String of(String text, int maxCodePoints) {
		int codePoints = text.codePointCount(0, text.length());
		if (codePoints <= maxCodePoints && text.codePoints().allMatch(ShownText::visible)) {
			return text;
		}
		String shown = text.codePoints()
			.limit((codePoints > maxCodePoints) ? maxCodePoints - 1 : maxCodePoints)
			.map((c) -> visible(c) ? c : '\uFFFD')
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return (codePoints > maxCodePoints) ? shown + "…" : shown;
	}

	private static boolean visible(int c) {
		int type = Character.getType(c);
		return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
				&& type != Character.PRIVATE_USE && type != Character.UNASSIGNED;
	}

}
