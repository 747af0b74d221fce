package dev.supergraph.schematools.diff;

import java.util.List;

import dev.supergraph.schematools.Synthesized;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLImplementingType;
import graphql.schema.GraphQLTypeUtil;

import static dev.supergraph.schematools.diff.ChangeKind.FIELD_ADDED;
import static dev.supergraph.schematools.diff.ChangeKind.FIELD_REMOVED;
import static dev.supergraph.schematools.diff.ChangeKind.FIELD_TYPE_CHANGED;

/** Output fields of object and interface types. */
final class FieldsDiff {

	private FieldsDiff() {
	}

	static void compare(GraphQLImplementingType before, GraphQLImplementingType after, List<Change> changes) {
		String type = before.getName();
		Members.match(domainFields(before), domainFields(after), GraphQLFieldDefinition::getName,
				(field) -> changes.add(Change.of(FIELD_REMOVED, type + "." + field.getName())),
				(field) -> changes.add(Change.of(FIELD_ADDED, type + "." + field.getName())),
				(old, current) -> compareField(type + "." + old.getName(), old, current, changes));
	}

	private static void compareField(String coordinate, GraphQLFieldDefinition before, GraphQLFieldDefinition after,
			List<Change> changes) {
		String oldType = GraphQLTypeUtil.simplePrint(before.getType());
		String newType = GraphQLTypeUtil.simplePrint(after.getType());
		if (!oldType.equals(newType)) {
			changes.add(Change.changed(FIELD_TYPE_CHANGED, coordinate, oldType, newType));
		}
		Descriptions.compare(coordinate, before.getDescription(), after.getDescription(), changes);
		Descriptions.compareDeprecation(coordinate,
				Descriptions.reason(before.isDeprecated(), before.getDeprecationReason()),
				Descriptions.reason(after.isDeprecated(), after.getDeprecationReason()), changes);
		ArgumentsDiff.compareFieldArguments(coordinate, before.getArguments(), after.getArguments(), changes);
	}

	private static List<GraphQLFieldDefinition> domainFields(GraphQLImplementingType type) {
		return type.getFieldDefinitions()
			.stream()
			.filter((field) -> !Synthesized.isMachinery(field.getName()))
			.toList();
	}

}
