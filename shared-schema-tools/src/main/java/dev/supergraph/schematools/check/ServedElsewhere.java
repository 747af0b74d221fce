package dev.supergraph.schematools.check;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;
import dev.supergraph.schematools.federation.AppliedDirectives;
import dev.supergraph.schematools.rules.Classification;
import dev.supergraph.schematools.schema.Coordinates;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLImplementingType;
import graphql.schema.GraphQLSchema;
import org.jspecify.annotations.Nullable;

/**
 * Removals from one subgraph that the new API schema still has, because another subgraph
 * serves the element, break no client: the router fetches it from the other subgraph. Not
 * so for a field of a value type (an object type without {@code @key} that is no root
 * type, such as {@code Money} or {@code PageInfo}): the router cannot move from this
 * subgraph to another one without a key, so every subgraph that defines a value type must
 * define the same fields, and composition fails ({@code SATISFIABILITY_ERROR}: "cannot
 * move to subgraph ..., because type ... has no @key defined").
 */
final class ServedElsewhere {

	private static final Set<ChangeKind> REMOVALS = EnumSet.of(ChangeKind.TYPE_REMOVED, ChangeKind.FIELD_REMOVED,
			ChangeKind.ARGUMENT_REMOVED, ChangeKind.INPUT_FIELD_REMOVED, ChangeKind.ENUM_VALUE_REMOVED);

	private final @Nullable GraphQLSchema api;

	ServedElsewhere(@Nullable GraphQLSchema api) {
		this.api = api;
	}

	/** The verdict when the new API schema still has what the subgraph removed. */
	Optional<Finding> judge(Change change, Classification classification, GraphQLSchema before,
			List<String> operations) {
		if (this.api == null || !REMOVALS.contains(change.kind())
				|| !Coordinates.exists(this.api, change.coordinate())) {
			return Optional.empty();
		}
		String type = change.coordinate().split("\\.")[0];
		if (change.kind() == ChangeKind.FIELD_REMOVED && isValueType(before, type)) {
			return Optional.of(new Finding(change, classification, Verdict.FAIL, type
					+ " is a value type (no @key): every subgraph that defines it must define the same fields, else"
					+ " composition cannot resolve it through this subgraph; remove the field from all of them together",
					operations));
		}
		return Optional.of(new Finding(change, classification, Verdict.ALLOWED,
				"the API schema still has it: another subgraph serves it", operations));
	}

	private static boolean isValueType(GraphQLSchema schema, String name) {
		if (!(schema.getType(name) instanceof GraphQLImplementingType type) || isRoot(schema, name)) {
			return false;
		}
		return !AppliedDirectives.of(schema).has((GraphQLDirectiveContainer) type, "key");
	}

	private static boolean isRoot(GraphQLSchema schema, String name) {
		return Stream.of(schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType())
			.anyMatch((root) -> root != null && root.getName().equals(name));
	}

}
