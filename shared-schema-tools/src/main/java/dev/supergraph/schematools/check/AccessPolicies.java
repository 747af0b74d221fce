package dev.supergraph.schematools.check;

import dev.supergraph.schematools.federation.AppliedDirectives;
import dev.supergraph.schematools.schema.Coordinates;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

/** Where a schema requires a token ({@code @authenticated}, {@code @requiresScopes}). */
final class AccessPolicies {

	private AccessPolicies() {
	}

	/**
	 * Whether reading an element requires a token: any element (a type, field, argument,
	 * enum value or input field) that carries a policy, and a field whose type does.
	 */
	static boolean requiresToken(GraphQLSchema schema, AppliedDirectives directives, String coordinate) {
		GraphQLDirectiveContainer element = Coordinates.element(schema, coordinate);
		if (element == null) {
			return false;
		}
		return directives.requiresToken(element) || element instanceof GraphQLFieldDefinition field
				&& GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLDirectiveContainer returned
				&& directives.requiresToken(returned);
	}

}
