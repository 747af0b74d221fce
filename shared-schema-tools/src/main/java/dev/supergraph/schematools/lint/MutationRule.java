package dev.supergraph.schematools.lint;

import java.util.ArrayList;
import java.util.List;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

/**
 * A mutation {@code doThing} takes one argument {@code input: DoThingInput!} and returns
 * {@code DoThingPayload!}, whose {@code userErrors: [UserError!]!} carries expected
 * problems.
 */
final class MutationRule implements LintRule {

	@Override
	public String id() {
		return "mutation-shape";
	}

	@Override
	public List<LintProblem> check(GraphQLSchema schema) {
		List<LintProblem> problems = new ArrayList<>();
		GraphQLObjectType mutation = schema.getMutationType();
		if (mutation == null) {
			return problems;
		}
		for (GraphQLFieldDefinition field : mutation.getFieldDefinitions()) {
			if (!field.getName().startsWith("_")) {
				check(mutation.getName() + "." + field.getName(), field, problems);
			}
		}
		return problems;
	}

	private void check(String coordinate, GraphQLFieldDefinition field, List<LintProblem> problems) {
		String stem = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
		List<GraphQLArgument> arguments = field.getArguments();
		String expectedInput = stem + "Input!";
		if (arguments.size() != 1 || !arguments.get(0).getName().equals("input")
				|| !GraphQLTypeUtil.simplePrint(arguments.get(0).getType()).equals(expectedInput)) {
			problem(coordinate, "takes exactly one argument 'input: " + expectedInput + "'", problems);
		}
		String payload = GraphQLTypeUtil.simplePrint(field.getType());
		if (!payload.equals(stem + "Payload!")) {
			problem(coordinate, "returns " + stem + "Payload! (not " + payload + ")", problems);
		}
		if (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType type) {
			GraphQLFieldDefinition userErrors = type.getFieldDefinition("userErrors");
			if (userErrors == null || !GraphQLTypeUtil.simplePrint(userErrors.getType()).equals("[UserError!]!")) {
				problem(type.getName() + ".userErrors", "mutation payloads have 'userErrors: [UserError!]!'", problems);
			}
		}
	}

	private void problem(String coordinate, String message, List<LintProblem> problems) {
		problems.add(new LintProblem(id(), Severity.ERROR, coordinate, message));
	}

}
