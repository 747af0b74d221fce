package dev.supergraph.schematools.federation;

import java.util.ArrayList;
import java.util.List;

import dev.supergraph.schematools.Synthesized;
import dev.supergraph.schematools.diff.Change;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import org.jspecify.annotations.Nullable;

import static dev.supergraph.schematools.diff.ChangeKind.ACCESS_POLICY_CHANGED;
import static dev.supergraph.schematools.diff.ChangeKind.INACCESSIBLE_ADDED;
import static dev.supergraph.schematools.diff.ChangeKind.INACCESSIBLE_REMOVED;
import static dev.supergraph.schematools.diff.ChangeKind.TAG_ADDED;
import static dev.supergraph.schematools.diff.ChangeKind.TAG_REMOVED;

/**
 * Who sees an element, compared on every element both versions of a schema have: the
 * schema definition, types of every kind, fields of objects and interfaces and their
 * arguments, enum values, input fields and the arguments of directive definitions.
 * {@code @inaccessible} removes an element from the API schema, a {@code @tag} puts it in
 * or out of a contract schema built from tags, an access policy decides who may read it.
 * A subgraph's SDL and a supergraph's API schema are compared alike, each read under the
 * names its {@code @link}s give these directives. Federation allows policies on fewer
 * locations than tags; a directive where composition rejects it is still compared (the
 * check judges the change, composition the schema).
 */
public final class VisibilityDiff {

	/** The coordinate of the schema definition. */
	public static final String SCHEMA = "schema";

	private final AppliedDirectives before;

	private final AppliedDirectives after;

	private final List<Change> changes = new ArrayList<>();

	private VisibilityDiff(AppliedDirectives before, AppliedDirectives after) {
		this.before = before;
		this.after = after;
	}

	public static List<Change> compare(GraphQLSchema before, GraphQLSchema after) {
		VisibilityDiff diff = new VisibilityDiff(AppliedDirectives.of(before), AppliedDirectives.of(after));
		diff.compare(SCHEMA, before.getSchemaAppliedDirectives(), after.getSchemaAppliedDirectives());
		for (GraphQLNamedType old : before.getAllTypesAsList()) {
			if (!Synthesized.isMachinery(old.getName())
					&& after.getType(old.getName()) instanceof GraphQLNamedType current) {
				diff.compareType(old, current);
			}
		}
		for (GraphQLDirective old : before.getDirectives()) {
			GraphQLDirective current = after.getDirective(old.getName());
			if (current != null && !Synthesized.isMachinery(old.getName())) {
				old.getArguments()
					.forEach((argument) -> diff.compareMember("@" + old.getName() + "(" + argument.getName() + ":)",
							argument, current.getArgument(argument.getName())));
			}
		}
		return diff.changes;
	}

	private void compareType(GraphQLNamedType old, GraphQLNamedType current) {
		String type = old.getName();
		compareMember(type, (GraphQLDirectiveContainer) old, (GraphQLDirectiveContainer) current);
		if (old instanceof GraphQLFieldsContainer o && current instanceof GraphQLFieldsContainer c) {
			o.getFieldDefinitions()
				.stream()
				.filter((field) -> !Synthesized.isMachinery(field.getName()))
				.forEach((field) -> compareField(type + "." + field.getName(), field,
						c.getFieldDefinition(field.getName())));
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

	private void compareField(String coordinate, GraphQLFieldDefinition old, @Nullable GraphQLFieldDefinition current) {
		if (current == null) {
			return;
		}
		compareMember(coordinate, old, current);
		for (GraphQLArgument argument : old.getArguments()) {
			compareMember(coordinate + "(" + argument.getName() + ":)", argument,
					current.getArgument(argument.getName()));
		}
	}

	private void compareMember(String coordinate, GraphQLDirectiveContainer old,
			@Nullable GraphQLDirectiveContainer current) {
		if (current != null) {
			compare(coordinate, old.getAppliedDirectives(), current.getAppliedDirectives());
		}
	}

	private void compare(String coordinate, List<GraphQLAppliedDirective> old, List<GraphQLAppliedDirective> current) {
		boolean was = this.before.has(old, "inaccessible");
		boolean is = this.after.has(current, "inaccessible");
		if (was != is) {
			this.changes.add(Change.of(is ? INACCESSIBLE_ADDED : INACCESSIBLE_REMOVED, coordinate));
		}
		Presence.compare(coordinate, this.before.argumentValues(old, "tag", "name"),
				this.after.argumentValues(current, "tag", "name"), TAG_REMOVED, TAG_ADDED, this.changes);
		String policy = this.before.signature(old, AppliedDirectives.ACCESS_POLICY);
		String now = this.after.signature(current, AppliedDirectives.ACCESS_POLICY);
		if (!policy.equals(now)) {
			this.changes.add(Change.changed(ACCESS_POLICY_CHANGED, coordinate, blankToNull(policy), blankToNull(now)));
		}
	}

	private static @Nullable String blankToNull(String text) {
		return text.isEmpty() ? null : text;
	}

}
