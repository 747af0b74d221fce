package dev.supergraph.schematools.lint;

import java.util.List;

import graphql.schema.GraphQLSchema;

/** One convention of the platform's schemas. */
public interface LintRule {

	/** The id used in reports and with {@code --disable}. */
	String id();

	List<LintProblem> check(GraphQLSchema schema);

}
