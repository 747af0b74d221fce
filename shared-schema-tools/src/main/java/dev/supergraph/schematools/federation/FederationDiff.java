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

import static dev.supergraph.schematools.diff.ChangeKind.*;

/**
 * Federation-specific changes of a subgraph: entity keys, {@code @shareable},
 * {@code @external}, {@code @requires}, {@code @provides} and {@code @override} on the
 * types and fields both versions have, {@code @override} on fields the subgraph adds, and
 * on every element both versions have the directives that decide who sees it
 * ({@link VisibilityDiff}). Each version's directives are read under the names its
 * {@code @link} gives them.
 */
public final class FederationDiff {

	private final AppliedDirectives before;

	private final AppliedDirectives after;

	private final List<Change> changes = new ArrayList<>();

	private FederationDiff(AppliedDirectives before, AppliedDirectives after) {
		this.before = before;
		this.after = after;
	}

	public static List<Change> compare(GraphQLSchema before, GraphQLSchema after) {
		FederationDiff diff = new FederationDiff(AppliedDirectives.of(before), AppliedDirectives.of(after));
		for (GraphQLNamedType old : before.getAllTypesAsList()) {
			if (!Synthesized.isMachinery(old.getName()) && old instanceof GraphQLImplementingType type
					&& after.getType(old.getName()) instanceof GraphQLImplementingType current) {
				diff.compareFields(old.getName(), type, current);
			}
		}
		AddedOverrides.find(before, after, diff.after, diff.changes);
		diff.changes.addAll(VisibilityDiff.compare(before, after));
		return diff.changes;
	}

	/**
	 * Keys and fields of object and interface types, which are directive containers too.
	 */
	private void compareFields(String type, GraphQLImplementingType old, GraphQLImplementingType current) {
		GraphQLDirectiveContainer oldType = (GraphQLDirectiveContainer) old;
		GraphQLDirectiveContainer newType = (GraphQLDirectiveContainer) current;
		compareKeys(type, this.before.keys(oldType), this.after.keys(newType));
		for (GraphQLFieldDefinition field : old.getFieldDefinitions()) {
			GraphQLFieldDefinition kept = current.getFieldDefinition(field.getName());
			if (kept != null && !Synthesized.isMachinery(field.getName())) {
				compareField(type + "." + field.getName(), oldType, field, newType, kept);
			}
		}
	}

	private void compareField(String field, GraphQLDirectiveContainer oldType, GraphQLFieldDefinition old,
			GraphQLDirectiveContainer newType, GraphQLFieldDefinition current) {
		compareFlag(field, isShareable(this.before, oldType, old), isShareable(this.after, newType, current),
				SHAREABLE_ADDED, SHAREABLE_REMOVED);
		compareFlag(field, old, current, "external", EXTERNAL_ADDED, EXTERNAL_REMOVED);
		compareValue(field, old, current, "requires", "fields", REQUIRES_ADDED, REQUIRES_CHANGED, REQUIRES_REMOVED);
		compareValue(field, old, current, "provides", "fields", PROVIDES_ADDED, PROVIDES_CHANGED, PROVIDES_REMOVED);
		compareValue(field, old, current, "override", "from", OVERRIDE_ADDED, OVERRIDE_CHANGED, OVERRIDE_REMOVED);
	}

	/**
	 * A key that becomes {@code resolvable: false} is removed: the subgraph no longer
	 * resolves the entity by it. A reference-only key that becomes resolvable is added.
	 */
	private void compareKeys(String type, List<String> before, List<String> after) {
		// a reference-only key turned resolvable: only the resolvable key is new
		List<String> removable = before.stream()
			.filter((key) -> !(key.endsWith(AppliedDirectives.NOT_RESOLVABLE)
					&& after.contains(key.substring(0, key.length() - AppliedDirectives.NOT_RESOLVABLE.length()))))
			.toList();
		Presence.compare(type, removable, after, KEY_REMOVED, KEY_ADDED, this.changes);
	}

	private static boolean isShareable(AppliedDirectives directives, GraphQLDirectiveContainer type,
			GraphQLFieldDefinition field) {
		return directives.has(field, "shareable") || directives.has(type, "shareable");
	}

	private void compareFlag(String coordinate, GraphQLDirectiveContainer old, GraphQLDirectiveContainer current,
			String directive, ChangeKind added, ChangeKind removed) {
		compareFlag(coordinate, this.before.has(old, directive), this.after.has(current, directive), added, removed);
	}

	private void compareFlag(String coordinate, boolean old, boolean current, ChangeKind added, ChangeKind removed) {
		if (old != current) {
			this.changes.add(Change.of(current ? added : removed, coordinate));
		}
	}

	private void compareValue(String coordinate, GraphQLDirectiveContainer old, GraphQLDirectiveContainer current,
			String directive, String argument, ChangeKind added, ChangeKind changed, ChangeKind removed) {
		String was = this.before.firstArgumentValue(old, directive, argument);
		String now = this.after.firstArgumentValue(current, directive, argument);
		if (!Objects.equals(was, now)) {
			ChangeKind kind = (was == null) ? added : (now == null) ? removed : changed;
			this.changes.add(Change.changed(kind, coordinate, was, now));
		}
	}

}
