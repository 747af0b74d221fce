package dev.supergraph.starter.errors;

import graphql.GraphQLError;
import graphql.InvalidSyntaxError;
import graphql.execution.InputMapDefinesTooManyFieldsException;
import graphql.execution.NonNullableValueCoercedAsNullException;
import graphql.execution.OneOfNullValueException;
import graphql.execution.OneOfTooManyKeysException;
import graphql.schema.CoercingParseValueException;
import graphql.validation.ValidationError;
import org.jspecify.annotations.Nullable;

/**
 * The refusals graphql-java raises on its own before execution that the router gives the
 * same request with a reason: a syntax error ({@code GRAPHQL_PARSE_FAILED}), a document
 * that does not validate ({@code GRAPHQL_VALIDATION_FAILED}) and variables that do not
 * fit their types ({@code INVALID_VARIABLES}; which operation to run is decided before,
 * by {@code limits.OperationResolution}). graphql-java's messages about variables quote
 * the client's text in full (an unknown input field's name) and name Java classes ("but
 * it was a 'LinkedHashMap'"), so each gets its message from the bundles; those about
 * literals print their syntax tree, and get theirs from {@link LiteralMessages}.
 */
final class RequestErrors {

	/** The router's reason of a syntax error. */
	static final String GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED";

	/** The router's reason of a document that does not validate against the schema. */
	static final String GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";

	private RequestErrors() {
	}

	static @Nullable Refusal of(GraphQLError error) {
		if (error instanceof CoercingParseValueException && error.getExtensions() != null
				&& error.getExtensions().get(ErrorExtensions.REASON) != null) {
			// worded from the bundles already (scalars.JsonInputTypes): the JSON type
			// that does not fit
			return new Refusal(ErrorExtensions.INVALID_VARIABLES, null);
		}
		if (error instanceof CoercingParseValueException || error instanceof NonNullableValueCoercedAsNullException
				|| error instanceof InputMapDefinesTooManyFieldsException || error instanceof OneOfNullValueException
				|| error instanceof OneOfTooManyKeysException) {
			return new Refusal(ErrorExtensions.INVALID_VARIABLES, "input.invalidVariables");
		}
		if (error instanceof InvalidSyntaxError) {
			return new Refusal(GRAPHQL_PARSE_FAILED, null);
		}
		if (error instanceof ValidationError) {
			return new Refusal(GRAPHQL_VALIDATION_FAILED, null);
		}
		return null;
	}

	/**
	 * A refusal of graphql-java as the router words it.
	 *
	 * @param reason the router's {@code extensions.reason}
	 * @param messageKey the key of its message in the bundles, or null where the message
	 * is the bundles' already
	 */
	record Refusal(String reason, @Nullable String messageKey) {

	}

}
