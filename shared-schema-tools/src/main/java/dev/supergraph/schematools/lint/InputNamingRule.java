package dev.supergraph.schematools.lint;

import java.util.ArrayList;
import java.util.List;

import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;

/**
 * Input object types are named {@code ...Input} (mutation inputs) or {@code ...Filter}
 * (query filters).
 */
final class InputNamingRule implements LintRule {

	@Override
	public String id() {
		return "input-naming";
	}

	@Override
	public List<LintProblem> check(GraphQLSchema schema) {
		List<LintProblem> problems = new ArrayList<>();
		for (GraphQLNamedType type : DomainTypes.of(schema)) {
			String name = type.getName();
			if (type instanceof GraphQLInputObjectType && !name.endsWith("Input") && !name.endsWith("Filter")) {
				problems.add(new LintProblem(id(), Severity.ERROR, name, "input type names end with Input or Filter"));
			}
		}
		return problems;
	}

}
