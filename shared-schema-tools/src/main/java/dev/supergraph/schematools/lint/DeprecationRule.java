package dev.supergraph.schematools.lint;

import java.util.ArrayList;
import java.util.List;

import dev.supergraph.schematools.deprecation.RemovalDate;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;

/**
 * Every {@code @deprecated} has a reason that carries a removal date
 * ({@code Removal after yyyy-mm-dd}).
 */
final class DeprecationRule implements LintRule {

	@Override
	public String id() {
		return "deprecation-date";
	}

	@Override
	public List<LintProblem> check(GraphQLSchema schema) {
		List<LintProblem> problems = new ArrayList<>();
		for (GraphQLNamedType type : DomainTypes.of(schema)) {
			String name = type.getName();
			if (type instanceof GraphQLFieldsContainer container) {
				container.getFieldDefinitions().forEach((field) -> {
					check(name + "." + field.getName(), field.isDeprecated(), field.getDeprecationReason(), problems);
					field.getArguments()
						.forEach((argument) -> check(name + "." + field.getName() + "(" + argument.getName() + ":)",
								argument.isDeprecated(), argument.getDeprecationReason(), problems));
				});
			}
			if (type instanceof GraphQLEnumType enumType) {
				enumType.getValues()
					.forEach((value) -> check(name + "." + value.getName(), value.isDeprecated(),
							value.getDeprecationReason(), problems));
			}
			if (type instanceof GraphQLInputObjectType input) {
				input.getFieldDefinitions()
					.forEach((field) -> check(name + "." + field.getName(), field.isDeprecated(),
							field.getDeprecationReason(), problems));
			}
		}
		return problems;
	}

	private void check(String coordinate, boolean deprecated, String reason, List<LintProblem> problems) {
		if (deprecated && RemovalDate.parse(reason).isEmpty()) {
			problems.add(new LintProblem(id(), Severity.ERROR, coordinate,
					"deprecation reason must name the replacement and end with '" + RemovalDate.FORMAT + "'"));
		}
	}

}
