package dev.supergraph.starter.execution;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.util.JsonParserDelegate;

/**
 * Numbers written longer than a bound, in {@code variables} and {@code extensions} and as
 * Int and Float literals of the document, found by their writing before anything converts
 * them: within the default 64 KB body limit, a number of 60,000 digits cost a subgraph 60
 * ms to bind (a BigInteger), 200 to 330 ms as an {@code Int} variable (converted again to
 * coerce it), and 400 to 900 ms as a literal, which graphql-java's lexer reads whole
 * before its own bound refuses it. The router finds them by the same rule
 * ({@code router/request-shape.mjs}).
 */
final class LongNumbers {

	/**
	 * The longest number taken, in characters: graphql-java's own bound on a literal
	 * ({@code ParserOptions}), the same in JSON, and far beyond any Int (11) or Float
	 * (24).
	 */
	static final int MAX_LENGTH = 100;

	private LongNumbers() {
	}

	/**
	 * A parser over a value to bind that fails at the first number longer than the bound,
	 * before it is converted.
	 * @param parser the body's parser, at the value's start
	 * @return the parser to bind from
	 */
	static JsonParser bounded(JsonParser parser) {
		return new BoundedParser(parser);
	}

	/**
	 * Whether binding failed for a number longer than the bound.
	 * @param failure what binding threw
	 * @return whether a number was too long
	 */
	static boolean tooLong(JacksonException failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof NumberTooLongException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Skips the rest of a value whose binding stopped inside it, to the object that holds
	 * it, without converting anything.
	 * @param parser the body's parser
	 * @param holder the context of the object that holds the value
	 */
	static void skipTo(JsonParser parser, TokenStreamContext holder) {
		while (parser.streamReadContext() != holder && parser.nextToken() != null) {
			// a token of the value's rest, read and let go
		}
	}

	/**
	 * Whether a GraphQL document holds an Int or Float literal longer than the bound,
	 * outside names, strings, block strings and comments: one pass, none for a shorter
	 * document.
	 * @param document the document
	 * @return whether a literal is too long
	 */
	static boolean inDocument(@Nullable String document) {
		return document != null && DocumentLiterals.numberLongerThan(document, MAX_LENGTH);
	}

	private static final class BoundedParser extends JsonParserDelegate {

		BoundedParser(JsonParser parser) {
			super(parser);
		}

		@Override
		public @Nullable JsonToken nextToken() {
			return checked(super.nextToken());
		}

		@Override
		public @Nullable JsonToken nextValue() {
			return checked(super.nextValue());
		}

		private @Nullable JsonToken checked(@Nullable JsonToken token) {
			if ((token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT)
					&& getStringLength() > MAX_LENGTH) {
				throw new NumberTooLongException();
			}
			return token;
		}

	}

	private static final class NumberTooLongException extends StreamConstraintsException {

		NumberTooLongException() {
			super("A number is longer than " + MAX_LENGTH + " characters");
		}

	}

}
