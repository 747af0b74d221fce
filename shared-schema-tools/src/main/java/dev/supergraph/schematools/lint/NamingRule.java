package dev.supergraph.schematools.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.supergraph.schematools.Synthesized;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;

/** Types are PascalCase, fields and arguments camelCase, enum values UPPER_SNAKE_CASE. */
final class NamingRule implements LintRule {

	private static final Pattern PASCAL = Pattern.compile("[A-Z][A-Za-z0-9]*");

	private static final Pattern CAMEL = Pattern.compile("[a-z][A-Za-z0-9]*");

	private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9_]*");

	@Override
	public String id() {
		return "naming";
	}

	@Override
	public List<LintProblem> check(GraphQLSchema schema) {
		List<LintProblem> problems = new ArrayList<>();
		for (GraphQLNamedType type : DomainTypes.of(schema)) {
			String name = type.getName();
			expect(PASCAL, name, name, "type names are PascalCase", problems);
			if (type instanceof GraphQLFieldsContainer container) {
				container.getFieldDefinitions()
					.stream()
					.filter((f) -> !Synthesized.isMachinery(f.getName()))
					.forEach((field) -> {
						expect(CAMEL, field.getName(), name + "." + field.getName(), "field names are camelCase",
								problems);
						field.getArguments()
							.forEach((argument) -> expect(CAMEL, argument.getName(),
									name + "." + field.getName() + "(" + argument.getName() + ":)",
									"argument names are camelCase", problems));
					});
			}
			if (type instanceof GraphQLInputObjectType input) {
				input.getFieldDefinitions()
					.forEach((field) -> expect(CAMEL, field.getName(), name + "." + field.getName(),
							"input field names are camelCase", problems));
			}
			if (type instanceof GraphQLEnumType enumType) {
				enumType.getValues()
					.forEach((value) -> expect(UPPER_SNAKE, value.getName(), name + "." + value.getName(),
							"enum values are UPPER_SNAKE_CASE", problems));
			}
		}
		return problems;
	}

	private void expect(Pattern pattern, String name, String coordinate, String message, List<LintProblem> problems) {
		if (!pattern.matcher(name).matches()) {
			problems.add(new LintProblem(id(), Severity.ERROR, coordinate, message));
		}
	}

}
