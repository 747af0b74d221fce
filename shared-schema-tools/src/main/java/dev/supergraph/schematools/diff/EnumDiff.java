package dev.supergraph.schematools.diff;

import java.util.List;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;

import static dev.supergraph.schematools.diff.ChangeKind.ENUM_VALUE_ADDED;
import static dev.supergraph.schematools.diff.ChangeKind.ENUM_VALUE_REMOVED;

/** Values of enum types. */
final class EnumDiff {

	private EnumDiff() {
	}

	static void compare(GraphQLEnumType before, GraphQLEnumType after, List<Change> changes) {
		String type = before.getName();
		Members.match(before.getValues(), after.getValues(), GraphQLEnumValueDefinition::getName,
				(value) -> changes.add(Change.of(ENUM_VALUE_REMOVED, type + "." + value.getName())),
				(value) -> changes.add(Change.of(ENUM_VALUE_ADDED, type + "." + value.getName(), type)),
				(old, current) -> compareValue(type + "." + old.getName(), old, current, changes));
	}

	private static void compareValue(String coordinate, GraphQLEnumValueDefinition before,
			GraphQLEnumValueDefinition after, List<Change> changes) {
		Descriptions.compare(coordinate, before.getDescription(), after.getDescription(), changes);
		Descriptions.compareDeprecation(coordinate,
				Descriptions.reason(before.isDeprecated(), before.getDeprecationReason()),
				Descriptions.reason(after.isDeprecated(), after.getDeprecationReason()), changes);
	}

}
