package dev.supergraph.schematools.diff;

import java.util.List;
import java.util.Objects;

import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLTypeUtil;

import static dev.supergraph.schematools.diff.ChangeKind.INPUT_FIELD_ADDED;
import static dev.supergraph.schematools.diff.ChangeKind.INPUT_FIELD_DEFAULT_CHANGED;
import static dev.supergraph.schematools.diff.ChangeKind.INPUT_FIELD_MADE_REQUIRED;
import static dev.supergraph.schematools.diff.ChangeKind.INPUT_FIELD_REMOVED;
import static dev.supergraph.schematools.diff.ChangeKind.INPUT_FIELD_TYPE_CHANGED;
import static dev.supergraph.schematools.diff.ChangeKind.ONE_OF_ADDED;
import static dev.supergraph.schematools.diff.ChangeKind.ONE_OF_REMOVED;
import static dev.supergraph.schematools.diff.ChangeKind.REQUIRED_INPUT_FIELD_ADDED;

/** Fields of input object types. */
final class InputFieldsDiff {

	private InputFieldsDiff() {
	}

	static void compare(GraphQLInputObjectType before, GraphQLInputObjectType after, List<Change> changes) {
		String type = before.getName();
		if (before.isOneOf() != after.isOneOf()) {
			changes.add(Change.of(after.isOneOf() ? ONE_OF_ADDED : ONE_OF_REMOVED, type));
		}
		Members.match(before.getFieldDefinitions(), after.getFieldDefinitions(), GraphQLInputObjectField::getName,
				(field) -> changes.add(Change.of(INPUT_FIELD_REMOVED, type + "." + field.getName())),
				(field) -> changes.add(Change.of(isRequired(field) ? REQUIRED_INPUT_FIELD_ADDED : INPUT_FIELD_ADDED,
						type + "." + field.getName(), type)),
				(old, current) -> compareField(type, type + "." + old.getName(), old, current, changes));
	}

	private static void compareField(String type, String coordinate, GraphQLInputObjectField before,
			GraphQLInputObjectField after, List<Change> changes) {
		String oldType = GraphQLTypeUtil.simplePrint(before.getType());
		String newType = GraphQLTypeUtil.simplePrint(after.getType());
		if (!oldType.equals(newType)) {
			changes.add(Change.changed(INPUT_FIELD_TYPE_CHANGED, coordinate, oldType, newType));
		}
		String oldDefault = Values.print(before.getInputFieldDefaultValue());
		String newDefault = Values.print(after.getInputFieldDefaultValue());
		if (oldType.equals(newType) && !isRequired(before) && isRequired(after)) {
			// a non-null input field lost its default: inputs that omit it are rejected,
			// as
			// if a required input field had been added
			changes.add(new Change(INPUT_FIELD_MADE_REQUIRED, coordinate, type, oldDefault, null));
		}
		else if (!Objects.equals(oldDefault, newDefault)) {
			changes.add(Change.changed(INPUT_FIELD_DEFAULT_CHANGED, coordinate, oldDefault, newDefault));
		}
		Descriptions.compare(coordinate, before.getDescription(), after.getDescription(), changes);
		Descriptions.compareDeprecation(coordinate,
				Descriptions.reason(before.isDeprecated(), before.getDeprecationReason()),
				Descriptions.reason(after.isDeprecated(), after.getDeprecationReason()), changes);
	}

	private static boolean isRequired(GraphQLInputObjectField field) {
		return field.getType() instanceof GraphQLNonNull && !field.hasSetDefaultValue();
	}

}
