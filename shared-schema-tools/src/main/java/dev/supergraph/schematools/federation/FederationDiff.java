package dev.supergraph.schematools.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.supergraph.schematools.Synthesized;
import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLImplementingType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import org.jspecify.annotations.Nullable;

import static dev.supergraph.schematools.diff.ChangeKind.*;

/**
 * Federation-specific changes of a subgraph: entity keys, {@code @shareable},
 * {@code @external}, {@code @requires}, {@code @provides}, {@code @override},
 * {@code @inaccessible} and access policies on the types and fields both versions have.
 */
public final class FederationDiff {

	private static final List<String> ACCESS_POLICY = List.of("authenticated", "requiresScopes", "policy");

	private FederationDiff() {
	}

	public static List<Change> compare(GraphQLSchema before, GraphQLSchema after) {
		List<Change> changes = new ArrayList<>();
		for (GraphQLNamedType old : before.getAllTypesAsList()) {
			var current = after.getType(old.getName());
			if (Synthesized.isMachinery(old.getName()) || current == null) {
				continue;
			}
			if (old instanceof GraphQLImplementingType o && current instanceof GraphQLImplementingType c) {
				compareType(o, c, changes);
			}
		}
		return changes;
	}

	private static void compareType(GraphQLImplementingType beforeType, GraphQLImplementingType afterType,
			List<Change> changes) {
		String type = beforeType.getName();
		GraphQLDirectiveContainer before = (GraphQLDirectiveContainer) beforeType;
		GraphQLDirectiveContainer after = (GraphQLDirectiveContainer) afterType;
		Presence.compare(type, AppliedDirectives.argumentValues(before, "key", "fields"),
				AppliedDirectives.argumentValues(after, "key", "fields"), KEY_REMOVED, KEY_ADDED, changes);
		compareFlag(type, AppliedDirectives.has(before, "inaccessible"), AppliedDirectives.has(after, "inaccessible"),
				INACCESSIBLE_ADDED, INACCESSIBLE_REMOVED, changes);
		comparePolicy(type, AppliedDirectives.signature(before, ACCESS_POLICY),
				AppliedDirectives.signature(after, ACCESS_POLICY), changes);
		for (GraphQLFieldDefinition old : beforeType.getFieldDefinitions()) {
			GraphQLFieldDefinition current = afterType.getFieldDefinition(old.getName());
			if (current != null && !Synthesized.isMachinery(old.getName())) {
				compareField(type + "." + old.getName(), before, old, after, current, changes);
			}
		}
	}

	private static void compareField(String field, GraphQLDirectiveContainer oldType, GraphQLFieldDefinition before,
			GraphQLDirectiveContainer newType, GraphQLFieldDefinition after, List<Change> changes) {
		compareFlag(field, isShareable(oldType, before), isShareable(newType, after), SHAREABLE_ADDED,
				SHAREABLE_REMOVED, changes);
		compareFlag(field, AppliedDirectives.has(before, "external"), AppliedDirectives.has(after, "external"),
				EXTERNAL_ADDED, EXTERNAL_REMOVED, changes);
		compareFlag(field, AppliedDirectives.has(before, "inaccessible"), AppliedDirectives.has(after, "inaccessible"),
				INACCESSIBLE_ADDED, INACCESSIBLE_REMOVED, changes);
		compareValue(field, AppliedDirectives.firstArgumentValue(before, "requires", "fields"),
				AppliedDirectives.firstArgumentValue(after, "requires", "fields"), REQUIRES_ADDED, REQUIRES_CHANGED,
				REQUIRES_REMOVED, changes);
		compareValue(field, AppliedDirectives.firstArgumentValue(before, "provides", "fields"),
				AppliedDirectives.firstArgumentValue(after, "provides", "fields"), PROVIDES_ADDED, PROVIDES_CHANGED,
				PROVIDES_REMOVED, changes);
		compareValue(field, AppliedDirectives.firstArgumentValue(before, "override", "from"),
				AppliedDirectives.firstArgumentValue(after, "override", "from"), OVERRIDE_ADDED, OVERRIDE_CHANGED,
				OVERRIDE_REMOVED, changes);
		comparePolicy(field, AppliedDirectives.signature(before, ACCESS_POLICY),
				AppliedDirectives.signature(after, ACCESS_POLICY), changes);
	}

	private static boolean isShareable(GraphQLDirectiveContainer type, GraphQLFieldDefinition field) {
		return AppliedDirectives.has(field, "shareable") || AppliedDirectives.has(type, "shareable");
	}

	private static void compareFlag(String coordinate, boolean before, boolean after, ChangeKind added,
			ChangeKind removed, List<Change> changes) {
		if (before != after) {
			changes.add(Change.of(after ? added : removed, coordinate));
		}
	}

	private static void compareValue(String coordinate, @Nullable String before, @Nullable String after,
			ChangeKind added, ChangeKind changed, ChangeKind removed, List<Change> changes) {
		if (Objects.equals(before, after)) {
			return;
		}
		ChangeKind kind = (before == null) ? added : (after == null) ? removed : changed;
		changes.add(Change.changed(kind, coordinate, before, after));
	}

	private static void comparePolicy(String coordinate, String before, String after, List<Change> changes) {
		if (!before.equals(after)) {
			changes.add(Change.changed(ACCESS_POLICY_CHANGED, coordinate, blankToNull(before), blankToNull(after)));
		}
	}

	private static @Nullable String blankToNull(String text) {
		return text.isEmpty() ? null : text;
	}

}
