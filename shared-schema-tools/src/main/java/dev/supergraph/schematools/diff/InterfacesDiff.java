package dev.supergraph.schematools.diff;

import java.util.List;

import graphql.schema.GraphQLImplementingType;
import graphql.schema.GraphQLNamedOutputType;

import static dev.supergraph.schematools.diff.ChangeKind.INTERFACE_ADDED;
import static dev.supergraph.schematools.diff.ChangeKind.INTERFACE_REMOVED;

/** Interfaces implemented by object and interface types. */
final class InterfacesDiff {

	private InterfacesDiff() {
	}

	static void compare(GraphQLImplementingType before, GraphQLImplementingType after, List<Change> changes) {
		String type = before.getName();
		Members.match(before.getInterfaces(), after.getInterfaces(), GraphQLNamedOutputType::getName,
				(removed) -> changes.add(new Change(INTERFACE_REMOVED, type, type, removed.getName(), null)),
				(added) -> changes.add(new Change(INTERFACE_ADDED, type, type, null, added.getName())),
				(old, current) -> {
				});
	}

}
