package dev.supergraph.schematools.operations;

import java.util.Set;

import graphql.language.ArrayValue;
import graphql.language.EnumValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Input coordinates an operation uses. A literal uses exactly the input fields and enum
 * values it writes; a variable may carry any of them at run time, so it uses all of its
 * type's input fields and enum values, transitively.
 */
final class InputUsage {

	private final GraphQLSchema schema;

	private final Set<String> usage;

	InputUsage(GraphQLSchema schema, Set<String> usage) {
		this.schema = schema;
		this.usage = usage;
	}

	void variable(VariableDefinition variable) {
		TypeName typeName = graphql.schema.idl.TypeUtil.unwrapAll(variable.getType());
		everything(this.schema.getType(typeName.getName()), new java.util.HashSet<>());
	}

	void literal(Value<?> value, GraphQLInputType type) {
		GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
		if (value instanceof ArrayValue array) {
			array.getValues().forEach((item) -> literal(item, type));
		}
		else if (value instanceof EnumValue enumValue && named instanceof GraphQLEnumType enumType) {
			this.usage.add(enumType.getName());
			this.usage.add(enumType.getName() + "." + enumValue.getName());
		}
		else if (value instanceof ObjectValue object && named instanceof GraphQLInputObjectType input) {
			this.usage.add(input.getName());
			for (ObjectField field : object.getObjectFields()) {
				GraphQLInputObjectField declared = input.getField(field.getName());
				if (declared != null) {
					this.usage.add(input.getName() + "." + field.getName());
					literal(field.getValue(), declared.getType());
				}
			}
		}
	}

	private void everything(GraphQLType type, Set<String> expanded) {
		if (!(type instanceof GraphQLNamedType named) || !expanded.add(named.getName())) {
			return;
		}
		this.usage.add(named.getName());
		if (type instanceof GraphQLEnumType enumType) {
			enumType.getValues().forEach((value) -> this.usage.add(enumType.getName() + "." + value.getName()));
		}
		if (type instanceof GraphQLInputObjectType input) {
			for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
				this.usage.add(input.getName() + "." + field.getName());
				everything(GraphQLTypeUtil.unwrapAll(field.getType()), expanded);
			}
		}
	}

}
