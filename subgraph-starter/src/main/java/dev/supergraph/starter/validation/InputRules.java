package dev.supergraph.starter.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

/**
 * The {@code @constraint}s of a schema's input types, read once, and the walk that
 * applies them to an input value: its fields, nested inputs and list items, each with its
 * path. Recursive: input values were parsed by graphql-java within the request limits,
 * and a schema's inputs nest only a few levels.
 */
final class InputRules {

	private final GraphQLSchema schema;

	private final Map<GraphQLInputObjectField, Constraint> constraints = new HashMap<>();

	InputRules(GraphQLSchema schema) {
		this.schema = schema;
		for (GraphQLNamedType type : schema.getAllTypesAsList()) {
			if (type instanceof GraphQLInputObjectType input) {
				input.getFieldDefinitions().forEach((field) -> this.constraints.put(field, Constraint.of(field)));
			}
			if (type instanceof GraphQLFieldsContainer container) {
				refuseArgumentConstraints(container);
			}
		}
	}

	/**
	 * Mutations take an input object, where the rules are enforced; a rule on a field
	 * argument would be enforced by nobody, so it fails the start instead.
	 */
	private static void refuseArgumentConstraints(GraphQLFieldsContainer container) {
		for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
			for (GraphQLArgument argument : field.getArguments()) {
				if (argument.hasAppliedDirective(ConstraintDirectiveConfigurer.NAME)) {
					throw new IllegalStateException("@constraint on " + container.getName() + "." + field.getName()
							+ "(" + argument.getName() + ":) is not enforced: put the rule on an input type's field");
				}
			}
		}
	}

	/**
	 * The rules an input breaks, sorted by field path, then code.
	 * @param typeName the input type
	 * @param value its value: a record, or a map as graphql-java coerces it
	 * @param argument the name of the argument holding it, the first segment of paths
	 * @return the violations, empty when the input is valid
	 */
	List<Violation> check(String typeName, Object value, String argument) {
		if (!(this.schema.getType(typeName) instanceof GraphQLInputObjectType type)) {
			throw new IllegalArgumentException("No input type " + typeName + " in the schema");
		}
		List<Violation> violations = new ArrayList<>();
		checkFields(type, value, List.of(argument), violations);
		violations.sort(Comparator.comparing((Violation violation) -> String.join(".", violation.field()))
			.thenComparing(Violation::code));
		return violations;
	}

	private void checkFields(GraphQLInputObjectType type, Object value, List<String> path, List<Violation> out) {
		for (GraphQLInputObjectField field : type.getFieldDefinitions()) {
			Slot slot = new Slot(type.getName(), field.getName(), this.constraints.get(field));
			checkValue(field.getType(), InputValues.get(value, field.getName()), append(path, field.getName()), slot,
					out);
		}
	}

	private void checkValue(GraphQLInputType type, @Nullable Object value, List<String> path, Slot slot,
			List<Violation> out) {
		if (value == null) {
			if (GraphQLTypeUtil.isNonNull(type)) {
				out.add(slot.violation("REQUIRED", path, type, false));
			}
			return;
		}
		GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
		if (unwrapped instanceof GraphQLList list && value instanceof List<?> items) {
			slot.constraint()
				.checkSize(items.size())
				.forEach((code) -> out.add(slot.violation(code, path, type, true)));
			for (int index = 0; index < items.size(); index++) {
				checkValue((GraphQLInputType) list.getWrappedType(), items.get(index), append(path, index), slot, out);
			}
		}
		else if (unwrapped instanceof GraphQLInputObjectType input) {
			checkFields(input, value, path, out);
		}
		else if (value instanceof String text) {
			slot.constraint()
				.check(text, type instanceof GraphQLNonNull)
				.forEach((code) -> out.add(slot.violation(code, path, type, false)));
		}
		else if (value instanceof Number number) {
			slot.constraint().check(number).forEach((code) -> out.add(slot.violation(code, path, type, false)));
		}
	}

	private static List<String> append(List<String> path, Object segment) {
		List<String> longer = new ArrayList<>(path);
		longer.add(String.valueOf(segment));
		return longer;
	}

	private record Slot(String owner, String name, Constraint constraint) {

		Violation violation(String code, List<String> path, GraphQLType type, boolean list) {
			String named = GraphQLTypeUtil.unwrapAll(type).getName();
			return new Violation(code, List.copyOf(path), this.owner, this.name, named, list, this.constraint);
		}

	}

}
