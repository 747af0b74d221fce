package dev.supergraph.schematools.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.supergraph.schematools.Synthesized;
import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLImplementingType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import org.jspecify.annotations.Nullable;

import static dev.supergraph.schematools.diff.ChangeKind.*;

/**
 * Federation-specific changes of a subgraph: entity keys, {@code @shareable},
 * {@code @external}, {@code @requires}, {@code @provides} and {@code @override} on the
 * types and fields both versions have, {@code @override} on fields the subgraph adds, and
 * on every element both versions have (types of every kind, fields, arguments, enum
 * values, input fields) the directives that decide who sees it: {@code @inaccessible},
 * {@code @tag} and the access policies. Each version's directives are read under the
 * names its {@code @link} gives them.
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
			if (!Synthesized.isMachinery(old.getName())
					&& after.getType(old.getName()) instanceof GraphQLNamedType current) {
				diff.compareType(old, current);
			}
		}
		AddedOverrides.find(before, after, diff.after, diff.changes);
		return diff.changes;
	}

	private void compareType(GraphQLNamedType old, GraphQLNamedType current) {
		String type = old.getName();
		compareVisibility(type, (GraphQLDirectiveContainer) old, (GraphQLDirectiveContainer) current);
		if (old instanceof GraphQLImplementingType o && current instanceof GraphQLImplementingType c) {
			compareFields(type, o, c);
		}
		if (old instanceof GraphQLEnumType o && current instanceof GraphQLEnumType c) {
			o.getValues()
				.forEach((value) -> compareMember(type + "." + value.getName(), value, c.getValue(value.getName())));
		}
		if (old instanceof GraphQLInputObjectType o && current instanceof GraphQLInputObjectType c) {
			o.getFieldDefinitions()
				.forEach((field) -> compareMember(type + "." + field.getName(), field,
						c.getFieldDefinition(field.getName())));
		}
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
		compareVisibility(field, old, current);
		for (GraphQLArgument argument : old.getArguments()) {
			compareMember(field + "(" + argument.getName() + ":)", argument, current.getArgument(argument.getName()));
		}
	}

	private void compareMember(String coordinate, GraphQLDirectiveContainer old,
			@Nullable GraphQLDirectiveContainer current) {
		if (current != null) {
			compareVisibility(coordinate, old, current);
		}
	}

	/**
	 * Who sees an element, which any element can change: {@code @inaccessible} removes it
	 * from the API schema, a {@code @tag} puts it in or out of a contract schema built
	 * from tags, an access policy decides who may read it. Federation allows policies on
	 * fewer locations than tags; a policy where composition rejects it is still compared
	 * (the check judges the change, composition the schema).
	 */
	private void compareVisibility(String coordinate, GraphQLDirectiveContainer old,
			GraphQLDirectiveContainer current) {
		compareFlag(coordinate, old, current, "inaccessible", INACCESSIBLE_ADDED, INACCESSIBLE_REMOVED);
		Presence.compare(coordinate, this.before.argumentValues(old, "tag", "name"),
				this.after.argumentValues(current, "tag", "name"), TAG_REMOVED, TAG_ADDED, this.changes);
		comparePolicy(coordinate, old, current);
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

	private void comparePolicy(String coordinate, GraphQLDirectiveContainer old, GraphQLDirectiveContainer current) {
		String was = this.before.signature(old, AppliedDirectives.ACCESS_POLICY);
		String now = this.after.signature(current, AppliedDirectives.ACCESS_POLICY);
		if (!was.equals(now)) {
			this.changes.add(Change.changed(ACCESS_POLICY_CHANGED, coordinate, blankToNull(was), blankToNull(now)));
		}
	}

	private static @Nullable String blankToNull(String text) {
		return text.isEmpty() ? null : text;
	}

}
