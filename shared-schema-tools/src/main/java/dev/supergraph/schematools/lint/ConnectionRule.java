package dev.supergraph.schematools.lint;

import java.util.ArrayList;
import java.util.List;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

/**
 * Relay connections: {@code XConnection} has {@code edges: [XEdge!]!} (or the nullable
 * forms the Relay spec allows, such as {@code [XEdge]} that Spring for GraphQL generates)
 * and {@code pageInfo: PageInfo!}, {@code XEdge} has {@code cursor: String!} and
 * {@code node}, and a field returning a connection takes {@code first: Int} and
 * {@code after: String}.
 */
final class ConnectionRule implements LintRule {

	@Override
	public String id() {
		return "connection-shape";
	}

	@Override
	public List<LintProblem> check(GraphQLSchema schema) {
		List<LintProblem> problems = new ArrayList<>();
		for (GraphQLObjectType type : DomainTypes.objects(schema)) {
			String name = type.getName();
			if (name.endsWith("Connection")) {
				String edge = name.substring(0, name.length() - "Connection".length()) + "Edge";
				expectField(type, "edges", List.of("[" + edge + "!]!", "[" + edge + "]!", "[" + edge + "]"), problems);
				expectField(type, "pageInfo", List.of("PageInfo!"), problems);
			}
			if (name.endsWith("Edge")) {
				expectField(type, "cursor", List.of("String!"), problems);
				if (type.getFieldDefinition("node") == null) {
					problem(name + ".node", "edges have a 'node' field", problems);
				}
			}
			for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
				if (GraphQLTypeUtil.unwrapAll(field.getType()).getName().endsWith("Connection")) {
					expectArgument(name + "." + field.getName(), field, "first", "Int", problems);
					expectArgument(name + "." + field.getName(), field, "after", "String", problems);
				}
			}
		}
		return problems;
	}

	private void expectField(GraphQLObjectType type, String field, List<String> expected, List<LintProblem> problems) {
		GraphQLFieldDefinition definition = type.getFieldDefinition(field);
		if (definition == null || !expected.contains(GraphQLTypeUtil.simplePrint(definition.getType()))) {
			problem(type.getName() + "." + field, "expected '" + field + ": " + expected.get(0) + "'", problems);
		}
	}

	private void expectArgument(String coordinate, GraphQLFieldDefinition field, String argument, String expected,
			List<LintProblem> problems) {
		var definition = field.getArgument(argument);
		if (definition == null || !GraphQLTypeUtil.simplePrint(definition.getType()).equals(expected)) {
			problem(coordinate, "connection fields take '" + argument + ": " + expected + "'", problems);
		}
	}

	private void problem(String coordinate, String message, List<LintProblem> problems) {
		problems.add(new LintProblem(id(), Severity.ERROR, coordinate, message));
	}

}
