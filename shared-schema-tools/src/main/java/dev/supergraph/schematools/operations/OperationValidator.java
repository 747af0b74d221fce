package dev.supergraph.schematools.operations;

import java.util.List;
import java.util.Locale;

import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;

/** Validates operations against a schema with graphql-java's validator. */
public final class OperationValidator {

	private OperationValidator() {
	}

	/** The validation messages, empty when the operation is valid. */
	public static List<String> validate(GraphQLSchema schema, Operation operation) {
		List<ValidationError> errors = new Validator().validateDocument(schema, operation.document(), Locale.ENGLISH);
		return errors.stream().map(ValidationError::getDescription).distinct().toList();
	}

}
