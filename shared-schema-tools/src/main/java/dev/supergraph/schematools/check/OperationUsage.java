package dev.supergraph.schematools.check;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.supergraph.schematools.operations.Operation;
import dev.supergraph.schematools.operations.UsageCollector;
import graphql.schema.GraphQLSchema;

/**
 * What one known operation does with the schemas before a change.
 *
 * @param name the operation's name
 * @param coordinates the schema coordinates it uses
 * @param receivedEnums the enum types whose values it receives
 */
record OperationUsage(String name, Set<String> coordinates, Set<String> receivedEnums) {

	/**
	 * Reads an operation against the previous versions of the schemas: a subgraph's alone
	 * knows only part of it, so the previous API schema is read too, when there is one.
	 */
	static OperationUsage of(Operation operation, List<GraphQLSchema> before) {
		Set<String> coordinates = new LinkedHashSet<>();
		Set<String> received = new LinkedHashSet<>();
		for (GraphQLSchema schema : before) {
			coordinates.addAll(UsageCollector.collect(schema, operation));
			received.addAll(UsageCollector.receivedEnums(schema, operation));
		}
		return new OperationUsage(operation.name(), coordinates, received);
	}

	boolean uses(String coordinate) {
		return this.coordinates.contains(coordinate);
	}

}
