package dev.supergraph.schematools.lint;

import java.util.ArrayList;
import java.util.List;

import dev.supergraph.schematools.federation.FederationNames;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;

/**
 * A federation 2 subgraph applies federation directives only under names its
 * {@code @link} imports: a plain {@code @inaccessible} that is not imported is a custom
 * directive, so the field silently stays visible after composition.
 */
final class FederationImportRule implements LintRule {

	@Override
	public String id() {
		return "federation-imports";
	}

	@Override
	public List<LintProblem> check(GraphQLSchema schema) {
		FederationNames names = FederationNames.of(schema);
		List<LintProblem> problems = new ArrayList<>();
		for (GraphQLNamedType type : DomainTypes.of(schema)) {
			String name = type.getName();
			check(name, type, names, problems);
			if (type instanceof GraphQLFieldsContainer container) {
				container.getFieldDefinitions().forEach((field) -> {
					check(name + "." + field.getName(), field, names, problems);
					field.getArguments()
						.forEach((argument) -> check(name + "." + field.getName() + "(" + argument.getName() + ":)",
								argument, names, problems));
				});
			}
			if (type instanceof GraphQLEnumType enumType) {
				enumType.getValues().forEach((value) -> check(name + "." + value.getName(), value, names, problems));
			}
			if (type instanceof GraphQLInputObjectType input) {
				input.getFieldDefinitions()
					.forEach((field) -> check(name + "." + field.getName(), field, names, problems));
			}
		}
		return problems;
	}

	private void check(String coordinate, Object element, FederationNames names, List<LintProblem> problems) {
		if (!(element instanceof GraphQLDirectiveContainer container)) {
			return;
		}
		container.getAppliedDirectives()
			.stream()
			.filter((directive) -> names.ignoredByComposition(directive.getName()))
			.forEach((directive) -> problems.add(new LintProblem(id(), Severity.ERROR, coordinate,
					"@" + directive.getName()
							+ " is not imported in the @link to federation, so composition ignores it:" + " add \"@"
							+ directive.getName() + "\" to the import list")));
	}

}
