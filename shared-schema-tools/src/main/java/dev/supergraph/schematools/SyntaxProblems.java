package dev.supergraph.schematools;

import java.util.regex.Pattern;

import graphql.parser.InvalidSyntaxException;

/**
 * What is wrong with a GraphQL document that does not parse, in one line: graphql-java
 * reports an empty file, or one cut off inside a definition, as an offending
 * {@code <EOF>} token.
 */
public final class SyntaxProblems {

	/** Only a byte order mark, white space, commas and {@code #} comments. */
	private static final Pattern NOTHING = Pattern.compile("(?:[\\s,\\uFEFF]++|#[^\\r\\n]*+)*+");

	private static final Pattern END_OF_FILE = Pattern
		.compile(".*offending token '<EOF>' at line (\\d+) column (\\d+).*", Pattern.DOTALL);

	private SyntaxProblems() {
	}

	/**
	 * Why a document does not parse.
	 * @param text the document
	 * @param failure the parser's exception
	 * @return e.g. {@code the file is empty}, or the parser's message on one line
	 */
	public static String describe(String text, InvalidSyntaxException failure) {
		if (NOTHING.matcher(text).matches()) {
			return "the file is empty (no definition, only white space or comments)";
		}
		String message = (failure.getMessage() != null) ? failure.getMessage() : "unknown problem";
		var endOfFile = END_OF_FILE.matcher(message);
		if (endOfFile.matches()) {
			return "the file ends inside a definition (unexpected end of file at line " + endOfFile.group(1)
					+ " column " + endOfFile.group(2) + ")";
		}
		return oneLine(message);
	}

	public static String oneLine(String message) {
		return message.replaceAll("\\s+", " ").trim();
	}

}
