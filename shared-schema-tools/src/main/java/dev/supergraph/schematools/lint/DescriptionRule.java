package dev.supergraph.schematools.lint;

import java.util.ArrayList;
import java.util.List;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;

/**
 * Public types and the root fields clients call carry a description. Generated pagination
 * types ({@code *Connection}, {@code *Edge}, {@code PageInfo}) and scalars are exempt.
 */
final class DescriptionRule implements LintRule {

	@Override
	public String id() {
		return "descriptions";
	}

	@Override
	public List<LintProblem> check(GraphQLSchema schema) {
		List<LintProblem> problems = new ArrayList<>();
		for (GraphQLNamedType type : DomainTypes.of(schema)) {
			boolean exempt = DomainTypes.isScalar(type) || isGenerated(type.getName()) || roots(schema).contains(type);
			if (!exempt && isBlank(type.getDescription())) {
				problems.add(new LintProblem(id(), Severity.WARNING, type.getName(), "public type has no description"));
			}
		}
		for (GraphQLObjectType root : roots(schema)) {
			for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
				if (!field.getName().startsWith("_") && isBlank(field.getDescription())) {
					problems.add(new LintProblem(id(), Severity.WARNING, root.getName() + "." + field.getName(),
							"root field has no description"));
				}
			}
		}
		return problems;
	}

	private static List<GraphQLObjectType> roots(GraphQLSchema schema) {
		List<GraphQLObjectType> roots = new ArrayList<>(List.of(schema.getQueryType()));
		if (schema.getMutationType() != null) {
			roots.add(schema.getMutationType());
		}
		return roots;
	}

	private static boolean isGenerated(String name) {
		return name.endsWith("Connection") || name.endsWith("Edge") || name.equals("PageInfo");
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
