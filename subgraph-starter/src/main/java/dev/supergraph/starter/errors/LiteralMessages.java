package dev.supergraph.starter.errors;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * The bundles' messages for the validation errors of literals that do not fit their types
 * ({@link LiteralMistakes}), found only when a response has such an error: the document
 * is parsed again then, as validated documents are cached with their errors.
 */
final class LiteralMessages {

	private final ObjectProvider<GraphQlSource> source;

	private final ErrorMessages messages;

	LiteralMessages(ObjectProvider<GraphQlSource> source, ErrorMessages messages) {
		this.source = source;
		this.messages = messages;
	}

	/**
	 * The messages of the literals the errors are about.
	 * @param input the request
	 * @param errors the errors of its response
	 * @param locale the language of the messages
	 * @return the messages by place in the document
	 */
	Map<LiteralMistakes.At, String> of(ExecutionInput input, List<GraphQLError> errors, Locale locale) {
		GraphQlSource graphQl = this.source.getIfAvailable();
		if (graphQl == null || errors.stream().noneMatch(LiteralMessages::isAboutALiteral)) {
			return Map.of();
		}
		Document document;
		try {
			document = Parser.parse(input.getQuery());
		}
		catch (InvalidSyntaxException ex) {
			return Map.of();
		}
		return LiteralMistakes.in(graphQl.schema(), document, locale, this.messages);
	}

	/**
	 * The message of an error about a literal.
	 * @param error the error
	 * @param found the messages found for the response
	 * @return the bundles' message, {@code null} for an error about no literal
	 */
	static @Nullable String of(GraphQLError error, Map<LiteralMistakes.At, String> found) {
		if (!isAboutALiteral(error) || error.getLocations() == null || error.getLocations().isEmpty()) {
			return null;
		}
		return found.get(LiteralMistakes.At.of(error.getLocations().get(0)));
	}

	private static boolean isAboutALiteral(GraphQLError error) {
		return error instanceof ValidationError validation
				&& (validation.getValidationErrorType() == ValidationErrorType.WrongType
						|| validation.getValidationErrorType() == ValidationErrorType.BadValueForDefaultArg);
	}

}
