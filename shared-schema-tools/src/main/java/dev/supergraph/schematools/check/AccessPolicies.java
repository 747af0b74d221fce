package dev.supergraph.schematools.check;

import java.util.ArrayList;
import java.util.List;

import dev.supergraph.schematools.federation.AppliedDirectives;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

/**
 * Where a schema requires a token ({@code @authenticated}, {@code @requiresScopes}) and
 * where a denied value takes its parent with it.
 */
final class AccessPolicies {

	private AccessPolicies() {
	}

	/**
	 * Whether reading a type or field requires a token: the type carries a policy, or the
	 * field or the type it returns does.
	 */
	static boolean requiresToken(GraphQLSchema schema, AppliedDirectives directives, String coordinate) {
		String[] parts = coordinate.split("\\.");
		if (parts.length == 1) {
			return schema.getType(coordinate) instanceof GraphQLDirectiveContainer type
					&& directives.requiresToken(type);
		}
		GraphQLFieldDefinition field = field(schema, parts[0], parts[1]);
		return field != null && (directives.requiresToken(field)
				|| GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLDirectiveContainer returned
						&& directives.requiresToken(returned));
	}

	/**
	 * The fields whose parent turns null when the router denies the element: the field
	 * itself when it is non-null; for a type, every field returning it with no nullable
	 * level in between, as null propagates up to the nearest nullable position.
	 */
	static List<String> nullingFields(GraphQLSchema schema, String coordinate) {
		String[] parts = coordinate.split("\\.");
		if (parts.length > 1) {
			GraphQLFieldDefinition field = field(schema, parts[0], parts[1]);
			return (field != null && GraphQLTypeUtil.isNonNull(field.getType())) ? List.of(coordinate) : List.of();
		}
		List<String> fields = new ArrayList<>();
		for (GraphQLType type : schema.getAllTypesAsList()) {
			if (type instanceof GraphQLFieldsContainer container) {
				container.getFieldDefinitions()
					.stream()
					.filter((field) -> GraphQLTypeUtil.unwrapAll(field.getType()).getName().equals(coordinate)
							&& nonNullAtEveryLevel(field.getType()))
					.forEach((field) -> fields.add(container.getName() + "." + field.getName()));
			}
		}
		return fields;
	}

	private static boolean nonNullAtEveryLevel(GraphQLOutputType type) {
		GraphQLType level = type;
		while (level instanceof GraphQLNonNull nonNull) {
			if (!(nonNull.getWrappedType() instanceof GraphQLList list)) {
				return true;
			}
			level = list.getWrappedType();
		}
		return false;
	}

	private static @Nullable GraphQLFieldDefinition field(GraphQLSchema schema, String type, String field) {
		String name = field.contains("(") ? field.substring(0, field.indexOf('(')) : field;
		return (schema.getType(type) instanceof GraphQLFieldsContainer container) ? container.getFieldDefinition(name)
				: null;
	}

}
