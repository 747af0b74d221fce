package dev.supergraph.schematools.schema;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;

/**
 * Resolves schema coordinates: {@code Type}, {@code Type.field},
 * {@code Type.field(arg:)}, {@code Enum.VALUE}, {@code Input.field}.
 */
public final class Coordinates {

	private Coordinates() {
	}

	public static boolean exists(GraphQLSchema schema, String coordinate) {
		int dot = coordinate.indexOf('.');
		GraphQLType type = schema.getType((dot < 0) ? coordinate : coordinate.substring(0, dot));
		if (type == null || dot < 0) {
			return type != null;
		}
		String member = coordinate.substring(dot + 1);
		int paren = member.indexOf('(');
		String name = (paren < 0) ? member : member.substring(0, paren);
		if (type instanceof GraphQLFieldsContainer container) {
			GraphQLFieldDefinition field = container.getFieldDefinition(name);
			return field != null
					&& (paren < 0 || field.getArgument(member.substring(paren + 1, member.length() - 2)) != null);
		}
		if (type instanceof GraphQLEnumType enumType) {
			return enumType.getValue(name) != null;
		}
		return type instanceof GraphQLInputObjectType input && input.getField(name) != null;
	}

}
