package dev.supergraph.schematools.federation;

import java.util.List;

import dev.supergraph.schematools.Synthesized;
import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;

/**
 * {@code @override} on fields the subgraph did not have before. Moving a field to a new
 * owner usually adds it there together with its {@code @override(from: ...)}: the field
 * is new to this subgraph but not to clients, whose data now comes from another resolver,
 * so it is the same ownership move as an {@code @override} added to an existing field.
 */
final class AddedOverrides {

	private AddedOverrides() {
	}

	static void find(GraphQLSchema before, GraphQLSchema after, AppliedDirectives directives, List<Change> changes) {
		for (GraphQLNamedType type : after.getAllTypesAsList()) {
			if (Synthesized.isMachinery(type.getName()) || !(type instanceof GraphQLFieldsContainer container)) {
				continue;
			}
			GraphQLFieldsContainer old = (before.getType(type.getName()) instanceof GraphQLFieldsContainer existing)
					? existing : null;
			for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
				String from = directives.firstArgumentValue(field, "override", "from");
				if (from != null && (old == null || old.getFieldDefinition(field.getName()) == null)) {
					changes.add(Change.changed(ChangeKind.OVERRIDE_ADDED, type.getName() + "." + field.getName(), null,
							from));
				}
			}
		}
	}

}
