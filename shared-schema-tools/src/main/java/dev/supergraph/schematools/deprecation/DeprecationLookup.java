package dev.supergraph.schematools.deprecation;

import java.util.Optional;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;

/**
 * Finds the deprecation reason of the element at a schema coordinate ({@code Type.field},
 * {@code Type.field(arg:)}, {@code Enum.VALUE}, {@code Input.field}).
 */
public final class DeprecationLookup {

	private DeprecationLookup() {
	}

	/** The reason ("" when none was given) if the element exists and is deprecated. */
	public static Optional<String> reason(GraphQLSchema schema, String coordinate) {
		int dot = coordinate.indexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		var type = schema.getType(coordinate.substring(0, dot));
		String member = coordinate.substring(dot + 1);
		int paren = member.indexOf('(');
		String name = (paren < 0) ? member : member.substring(0, paren);
		if (type instanceof GraphQLFieldsContainer container && container.getFieldDefinition(name) != null) {
			GraphQLFieldDefinition field = container.getFieldDefinition(name);
			return (paren < 0) ? reason(field.isDeprecated(), field.getDeprecationReason())
					: argument(field, member.substring(paren + 1, member.length() - 2));
		}
		if (type instanceof GraphQLEnumType enumType && enumType.getValue(name) != null) {
			GraphQLEnumValueDefinition value = enumType.getValue(name);
			return reason(value.isDeprecated(), value.getDeprecationReason());
		}
		if (type instanceof GraphQLInputObjectType input && input.getField(name) != null) {
			GraphQLInputObjectField field = input.getField(name);
			return reason(field.isDeprecated(), field.getDeprecationReason());
		}
		return Optional.empty();
	}

	private static Optional<String> argument(GraphQLFieldDefinition field, String name) {
		GraphQLArgument argument = field.getArgument(name);
		return (argument != null) ? reason(argument.isDeprecated(), argument.getDeprecationReason()) : Optional.empty();
	}

	private static Optional<String> reason(boolean deprecated, String reason) {
		return deprecated ? Optional.of((reason != null) ? reason : "") : Optional.empty();
	}

}
