package dev.supergraph.schematools.diff;

import java.util.List;
import java.util.Objects;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLTypeUtil;

import static dev.supergraph.schematools.diff.ChangeKind.ARGUMENT_ADDED;
import static dev.supergraph.schematools.diff.ChangeKind.ARGUMENT_DEFAULT_CHANGED;
import static dev.supergraph.schematools.diff.ChangeKind.ARGUMENT_MADE_REQUIRED;
import static dev.supergraph.schematools.diff.ChangeKind.ARGUMENT_REMOVED;
import static dev.supergraph.schematools.diff.ChangeKind.ARGUMENT_TYPE_CHANGED;
import static dev.supergraph.schematools.diff.ChangeKind.DIRECTIVE_ARGUMENT_ADDED;
import static dev.supergraph.schematools.diff.ChangeKind.DIRECTIVE_ARGUMENT_REMOVED;
import static dev.supergraph.schematools.diff.ChangeKind.REQUIRED_ARGUMENT_ADDED;
import static dev.supergraph.schematools.diff.ChangeKind.REQUIRED_DIRECTIVE_ARGUMENT_ADDED;

/** Arguments of fields and of directive definitions. */
final class ArgumentsDiff {

	private ArgumentsDiff() {
	}

	static void compareFieldArguments(String owner, List<GraphQLArgument> before, List<GraphQLArgument> after,
			List<Change> changes) {
		Members
			.match(before, after, GraphQLArgument::getName,
					(argument) -> changes.add(Change.of(ARGUMENT_REMOVED, coordinate(owner, argument))),
					(argument) -> changes.add(isRequired(argument)
							? Change.of(REQUIRED_ARGUMENT_ADDED, coordinate(owner, argument), owner)
							: Change.of(ARGUMENT_ADDED, coordinate(owner, argument))),
					(old, current) -> compareArgument(owner, coordinate(owner, old), old, current, changes));
	}

	static void compareDirectiveArguments(String directive, List<GraphQLArgument> before, List<GraphQLArgument> after,
			List<Change> changes) {
		Members.match(before, after, GraphQLArgument::getName,
				(argument) -> changes.add(Change.of(DIRECTIVE_ARGUMENT_REMOVED, coordinate(directive, argument))),
				(argument) -> changes
					.add(Change.of(isRequired(argument) ? REQUIRED_DIRECTIVE_ARGUMENT_ADDED : DIRECTIVE_ARGUMENT_ADDED,
							coordinate(directive, argument), directive)),
				(old, current) -> compareArgument(directive, coordinate(directive, old), old, current, changes));
	}

	private static void compareArgument(String owner, String coordinate, GraphQLArgument before, GraphQLArgument after,
			List<Change> changes) {
		String oldType = GraphQLTypeUtil.simplePrint(before.getType());
		String newType = GraphQLTypeUtil.simplePrint(after.getType());
		if (!oldType.equals(newType)) {
			changes.add(Change.changed(ARGUMENT_TYPE_CHANGED, coordinate, oldType, newType));
		}
		String oldDefault = Values.print(before.getArgumentDefaultValue());
		String newDefault = Values.print(after.getArgumentDefaultValue());
		if (oldType.equals(newType) && !isRequired(before) && isRequired(after)) {
			// a non-null argument lost its default: operations that omit it no longer
			// validate, as if a required argument had been added
			changes.add(new Change(ARGUMENT_MADE_REQUIRED, coordinate, owner, oldDefault, null));
		}
		else if (!Objects.equals(oldDefault, newDefault)) {
			changes.add(Change.changed(ARGUMENT_DEFAULT_CHANGED, coordinate, oldDefault, newDefault));
		}
		Descriptions.compare(coordinate, before.getDescription(), after.getDescription(), changes);
		Descriptions.compareDeprecation(coordinate,
				Descriptions.reason(before.isDeprecated(), before.getDeprecationReason()),
				Descriptions.reason(after.isDeprecated(), after.getDeprecationReason()), changes);
	}

	private static boolean isRequired(GraphQLArgument argument) {
		return argument.getType() instanceof GraphQLNonNull && !argument.hasSetDefaultValue();
	}

	private static String coordinate(String owner, GraphQLArgument argument) {
		return owner + "(" + argument.getName() + ":)";
	}

}
