package dev.supergraph.schematools.check;

import java.util.ArrayList;
import java.util.List;

import dev.supergraph.schematools.operations.Operation;
import dev.supergraph.schematools.operations.OperationValidator;
import graphql.schema.GraphQLSchema;

/** Known operations that no longer validate against the new API schema. */
final class InvalidOperations {

	private InvalidOperations() {
	}

	static List<InvalidOperation> find(GraphQLSchema api, List<Operation> operations) {
		List<InvalidOperation> invalid = new ArrayList<>();
		for (Operation operation : operations) {
			List<String> errors = OperationValidator.validate(api, operation);
			if (!errors.isEmpty()) {
				invalid.add(new InvalidOperation(operation.name(), operation.file().toString(), errors));
			}
		}
		return invalid;
	}

}
