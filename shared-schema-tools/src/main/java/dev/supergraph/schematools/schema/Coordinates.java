package dev.supergraph.schematools.schema;

import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLSchema;
import org.jspecify.annotations.Nullable;

/**
 * Resolves schema coordinates: {@code Type}, {@code Type.field},
 * {@code Type.field(arg:)}, {@code Enum.VALUE}, {@code Input.field}.
 */
public final class Coordinates {

	private Coordinates() {
	}

	public static boolean exists(GraphQLSchema schema, String coordinate) {
		return element(schema, coordinate) != null;
	}

	/**
	 * The element at a coordinate: a type, field, argument, enum value or input field,
	 * each of which may carry directives.
	 * @param schema the schema
	 * @param coordinate the coordinate
	 * @return the element, {@code null} when the schema has none there
	 */
	public static @Nullable GraphQLDirectiveContainer element(GraphQLSchema schema, String coordinate) {
		int dot = coordinate.indexOf('.');
		var type = schema.getType((dot < 0) ? coordinate : coordinate.substring(0, dot));
		if (dot < 0 || !(type instanceof GraphQLDirectiveContainer)) {
			return (type instanceof GraphQLDirectiveContainer container) ? container : null;
		}
		String member = coordinate.substring(dot + 1);
		int paren = member.indexOf('(');
		String name = (paren < 0) ? member : member.substring(0, paren);
		if (type instanceof GraphQLFieldsContainer container) {
			GraphQLFieldDefinition field = container.getFieldDefinition(name);
			return (field == null || paren < 0) ? field
					: field.getArgument(member.substring(paren + 1, member.length() - 2));
		}
		if (type instanceof GraphQLEnumType enumType) {
			return enumType.getValue(name);
		}
		return (type instanceof GraphQLInputObjectType input) ? input.getField(name) : null;
	}

}
