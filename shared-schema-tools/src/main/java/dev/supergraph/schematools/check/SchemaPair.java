package dev.supergraph.schematools.check;

import graphql.schema.GraphQLSchema;
import org.jspecify.annotations.Nullable;

/**
 * The two versions of one schema.
 *
 * @param name the subgraph name, or {@code supergraph}
 * @param before the baseline version, {@code null} when the baseline has none
 * @param after the new version
 * @param federated whether it is a subgraph schema, so federation directives are compared
 * too; of an API schema only those that decide who sees an element (tags, access
 * policies)
 * @param note why there is no baseline version, if there is none
 */
public record SchemaPair(String name, @Nullable GraphQLSchema before, GraphQLSchema after, boolean federated,
		String note) {

}
