package dev.supergraph.schematools.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.supergraph.schematools.Synthesized;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.ScalarInfo;
import org.jspecify.annotations.Nullable;

import static dev.supergraph.schematools.diff.ChangeKind.ROOT_TYPE_CHANGED;
import static dev.supergraph.schematools.diff.ChangeKind.TYPE_ADDED;
import static dev.supergraph.schematools.diff.ChangeKind.TYPE_REMOVED;

/**
 * The diff engine: lists every change between two schemas, leaving classification to the
 * rules. Federation machinery, names starting with an underscore and the built-in scalars
 * are ignored.
 */
public final class SchemaDiff {

	private SchemaDiff() {
	}

	public static List<Change> compare(GraphQLSchema before, GraphQLSchema after) {
		List<Change> changes = new ArrayList<>();
		compareRoot("query", before.getQueryType(), after.getQueryType(), changes);
		compareRoot("mutation", before.getMutationType(), after.getMutationType(), changes);
		compareRoot("subscription", before.getSubscriptionType(), after.getSubscriptionType(), changes);
		Members.match(domainTypes(before), domainTypes(after), GraphQLNamedType::getName,
				(type) -> addIfAbsent(after, type, Change.of(TYPE_REMOVED, type.getName()), changes),
				(type) -> addIfAbsent(before, type, Change.of(TYPE_ADDED, type.getName()), changes),
				(old, current) -> TypeDiff.compare(old, current, changes));
		DirectiveDiff.compare(before.getDirectives(), after.getDirectives(), changes);
		return changes;
	}

	private static void compareRoot(String operation, @Nullable GraphQLObjectType before,
			@Nullable GraphQLObjectType after, List<Change> changes) {
		String old = (before != null) ? before.getName() : null;
		String current = (after != null) ? after.getName() : null;
		if (old != null && current != null && !Objects.equals(old, current)) {
			changes.add(new Change(ROOT_TYPE_CHANGED, "schema." + operation, old, old, current));
		}
	}

	/**
	 * Synthesized types stand in for declarations that the other version may have: not a
	 * change.
	 */
	private static void addIfAbsent(GraphQLSchema other, GraphQLNamedType type, Change change, List<Change> changes) {
		if (other.getType(type.getName()) == null) {
			changes.add(change);
		}
	}

	private static List<GraphQLNamedType> domainTypes(GraphQLSchema schema) {
		return schema.getAllTypesAsList()
			.stream()
			.filter((type) -> !Synthesized.isMachinery(type.getName()))
			.filter((type) -> !Synthesized.MARKER.equals(type.getDescription()))
			.filter((type) -> !(type instanceof GraphQLScalarType
					&& Synthesized.FEDERATION_SCALARS.contains(type.getName())))
			// every schema has the built-in scalars; graphql-java lists one only once a
			// field uses it, which is no change of the schema
			.filter((type) -> !ScalarInfo.isGraphqlSpecifiedScalar(type.getName()))
			.toList();
	}

}
