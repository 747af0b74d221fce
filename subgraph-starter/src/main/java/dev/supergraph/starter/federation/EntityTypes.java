package dev.supergraph.starter.federation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import org.jspecify.annotations.Nullable;

/**
 * The entity types of a subgraph schema (object types with {@code @key}) and their keys,
 * read once when the schema is built.
 */
final class EntityTypes {

	private final Map<String, EntityType> types = new HashMap<>();

	EntityTypes(GraphQLSchema schema) {
		for (GraphQLNamedType type : schema.getAllTypesAsList()) {
			if (type instanceof GraphQLObjectType object && !object.getAppliedDirectives("key").isEmpty()) {
				this.types.put(object.getName(), new EntityType(object, keys(object)));
			}
		}
	}

	@Nullable EntityType get(String name) {
		return this.types.get(name);
	}

	private static List<SelectionSet> keys(GraphQLObjectType type) {
		return type.getAppliedDirectives("key").stream().map(EntityTypes::fields).toList();
	}

	/** A key's {@code fields} is a selection set without its braces. */
	private static SelectionSet fields(GraphQLAppliedDirective key) {
		Object fields = key.getArgument("fields").getValue();
		OperationDefinition selection = (OperationDefinition) Parser.parse("{" + fields + "}").getDefinitions().get(0);
		return selection.getSelectionSet();
	}

	/**
	 * An entity type.
	 *
	 * @param type the object type
	 * @param keys the field selections of its {@code @key}s
	 */
	record EntityType(GraphQLObjectType type, List<SelectionSet> keys) {

	}

}
