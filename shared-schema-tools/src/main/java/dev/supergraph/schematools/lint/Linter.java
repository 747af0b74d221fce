package dev.supergraph.schematools.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.supergraph.schematools.SchemaToolsException;
import graphql.schema.GraphQLSchema;

/** Runs every enabled lint rule on a schema. */
public final class Linter {

	private static final List<LintRule> RULES = List.of(new NamingRule(), new DescriptionRule(), new InputNamingRule(),
			new MutationRule(), new ConnectionRule(), new DeprecationRule(), new FederationImportRule());

	private final Set<String> disabled;

	/** A linter without the rules whose ids are given; unknown ids are an input error. */
	public Linter(Set<String> disabled) {
		List<String> unknown = disabled.stream().filter((id) -> !ruleIds().contains(id)).toList();
		if (!unknown.isEmpty()) {
			throw new SchemaToolsException("unknown lint rule " + unknown + "; rules are " + ruleIds());
		}
		this.disabled = disabled;
	}

	public static List<String> ruleIds() {
		return RULES.stream().map(LintRule::id).toList();
	}

	public List<LintProblem> lint(GraphQLSchema schema) {
		List<LintProblem> problems = new ArrayList<>();
		RULES.stream()
			.filter((rule) -> !this.disabled.contains(rule.id()))
			.forEach((rule) -> problems.addAll(rule.check(schema)));
		return problems;
	}

}
