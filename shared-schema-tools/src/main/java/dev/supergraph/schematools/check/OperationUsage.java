package dev.supergraph.schematools.check;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.supergraph.schematools.federation.AppliedDirectives;
import dev.supergraph.schematools.operations.Operation;
import dev.supergraph.schematools.operations.UsageCollector;
import graphql.schema.GraphQLSchema;

/**
 * What one known operation does with the schemas before a change.
 *
 * @param name the operation's name
 * @param coordinates the schema coordinates it uses
 * @param receivedEnums the enum types whose values it receives
 * @param anonymous whether it runs without a token: it selects nothing that requires one
 */
record OperationUsage(String name, Set<String> coordinates, Set<String> receivedEnums, boolean anonymous) {

	/**
	 * Reads an operation against the previous versions of the schemas: a subgraph's alone
	 * knows only part of it, so the previous API schema is read too, when there is one.
	 */
	static OperationUsage of(Operation operation, List<GraphQLSchema> before) {
		Set<String> coordinates = new LinkedHashSet<>();
		Set<String> received = new LinkedHashSet<>();
		boolean anonymous = true;
		for (GraphQLSchema schema : before) {
			Set<String> used = UsageCollector.collect(schema, operation);
			coordinates.addAll(used);
			received.addAll(UsageCollector.receivedEnums(schema, operation));
			AppliedDirectives directives = AppliedDirectives.of(schema);
			anonymous &= used.stream()
				.noneMatch((coordinate) -> AccessPolicies.requiresToken(schema, directives, coordinate));
		}
		return new OperationUsage(operation.name(), coordinates, received, anonymous);
	}

	boolean uses(String coordinate) {
		return this.coordinates.contains(coordinate);
	}

}
