package dev.supergraph.schematools;

import java.util.regex.Pattern;

import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.exceptions.ParseCancelledTooManyNumericLiteralCharactersException;

/**
 * What is wrong with a GraphQL document that does not parse, in one line: graphql-java
 * reports an empty file, or one cut off inside a definition, as an offending
 * {@code <EOF>} token, and a number past its bound ({@link DocumentParser}) as a defence
 * against attacks, which a repository's own file is not.
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
		if (failure instanceof ParseCancelledTooManyNumericLiteralCharactersException) {
			return "a number of more than 100 characters" + at(failure);
		}
		String message = (failure.getMessage() != null) ? failure.getMessage() : "unknown problem";
		var endOfFile = END_OF_FILE.matcher(message);
		if (endOfFile.matches()) {
			return "the file ends inside a definition (unexpected end of file at line " + endOfFile.group(1)
					+ " column " + endOfFile.group(2) + ")";
		}
		return oneLine(message);
	}

	private static String at(InvalidSyntaxException failure) {
		SourceLocation location = failure.getLocation();
		return (location != null) ? " at line " + location.getLine() + " column " + location.getColumn() : "";
	}

	public static String oneLine(String message) {
		return message.replaceAll("\\s+", " ").trim();
	}

}
