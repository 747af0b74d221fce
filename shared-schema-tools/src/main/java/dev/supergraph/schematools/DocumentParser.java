package dev.supergraph.schematools;

import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.ParsingListener;

/**
 * Parses the repository's own GraphQL files: schemas and trusted client operations.
 * graphql-java's defaults for operations guard a server against hostile requests, each a
 * document of at most 15,000 tokens and 1 MB. These files are reviewed and committed, and
 * one file of a client's operations may hold any number of them, so a file is bounded
 * only by the heap. What stays bounded is what no real file reaches and a generated or
 * corrupted one may: an operation or fragment of more than {@value #OPERATION_TOKENS}
 * tokens (graphql-java's bound for one request, whose validation grows faster than its
 * size), braces, brackets or parentheses nested more than {@value Nesting#MAX} deep
 * (which the parser takes minutes or more over), a number of more than 100 characters.
 * Each is an input error that says where.
 */
public final class DocumentParser {

	/** The most tokens one operation or fragment of an operations file may have. */
	public static final int OPERATION_TOKENS = ParserOptions.MAX_QUERY_TOKENS;

	/** Without {@code #} comments: no check reads a schema's. */
	private static final ParserOptions SDL = ParserOptions.getDefaultSdlParserOptions()
		.transform((options) -> options.captureLineComments(false));

	private static final ParserOptions OPERATIONS = ParserOptions.getDefaultOperationParserOptions()
		.transform((options) -> options.maxCharacters(Integer.MAX_VALUE)
			.maxTokens(Integer.MAX_VALUE)
			.maxWhitespaceTokens(Integer.MAX_VALUE));

	private DocumentParser() {
	}

	/**
	 * Parses a schema.
	 * @param text the SDL
	 * @param origin the file or baseline it comes from, for messages
	 * @return the document
	 * @throws SchemaToolsException "invalid SDL in ..." when it does not parse
	 */
	public static Document sdl(String text, String origin) {
		return parse(text, SDL, "invalid SDL in " + origin);
	}

	/**
	 * Parses a file of operations and fragments.
	 * @param text the file's text
	 * @param origin the file, for messages
	 * @return the document
	 * @throws SchemaToolsException "invalid operation in ..." when it does not parse or
	 * an operation is too large
	 */
	public static Document operations(String text, String origin) {
		ParserOptions options = OPERATIONS
			.transform((builder) -> builder.parsingListener(new DefinitionTokens(OPERATION_TOKENS)));
		return parse(text, options, "invalid operation in " + origin);
	}

	private static Document parse(String text, ParserOptions options, String problem) {
		String tooDeep = Nesting.beyondMax(text);
		if (tooDeep != null) {
			throw new SchemaToolsException(problem + ": " + tooDeep);
		}
		try {
			return Parser.parse(ParserEnvironment.newParserEnvironment().document(text).parserOptions(options).build());
		}
		catch (DefinitionTokens.TooManyTokens ex) {
			throw new SchemaToolsException(problem + ": " + ex.getMessage(), ex);
		}
		catch (InvalidSyntaxException ex) {
			throw new SchemaToolsException(problem + ": " + SyntaxProblems.describe(text, ex), ex);
		}
	}

	/**
	 * Counts the tokens of each top-level definition: one ends with the brace that closes
	 * its selection set, outside any parentheses (a default value may hold braces too).
	 */
	private static final class DefinitionTokens implements ParsingListener {

		private final int limit;

		private int open;

		private int count;

		private int startLine;

		DefinitionTokens(int limit) {
			this.limit = limit;
		}

		@Override
		public void onToken(Token token) {
			if (this.count++ == 0) {
				this.startLine = token.getLine();
			}
			if (this.count > this.limit) {
				throw new TooManyTokens("the definition that starts at line " + this.startLine + " has more than "
						+ this.limit + " tokens (line " + token.getLine() + " column "
						+ (token.getCharPositionInLine() + 1) + "); an operation or fragment may have at most "
						+ this.limit + ", a file any number of them: move selections into fragments");
			}
			switch (token.getText()) {
				case "{", "(" -> this.open++;
				case ")" -> this.open--;
				case "}" -> this.count = (--this.open == 0) ? 0 : this.count;
				default -> {
				}
			}
		}

		/** Unchecked, so that it leaves the parser as it is. */
		static final class TooManyTokens extends RuntimeException {

			TooManyTokens(String message) {
				super(message, null, false, false);
			}

		}

	}

}
