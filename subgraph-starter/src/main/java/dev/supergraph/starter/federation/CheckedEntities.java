package dev.supergraph.starter.federation;

import dev.supergraph.starter.errors.ErrorMessages;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;

/**
 * Puts a {@link CheckedEntitiesFetcher} in front of the {@code _entities} fetcher of a
 * federation schema, so that every entity of every subgraph gets well-formed
 * representations only.
 */
final class CheckedEntities {

	private CheckedEntities() {
	}

	static GraphQLSchema install(GraphQLSchema schema, ErrorMessages messages) {
		GraphQLFieldDefinition entities = schema.getQueryType().getFieldDefinition("_entities");
		if (entities == null) {
			return schema;
		}
		FieldCoordinates coordinates = FieldCoordinates.coordinates(schema.getQueryType(), entities);
		GraphQLCodeRegistry registry = schema.getCodeRegistry();
		DataFetcher<?> original = registry.getDataFetcher(coordinates, entities);
		CheckedEntitiesFetcher checked = new CheckedEntitiesFetcher(original,
				new RepresentationCheck(new EntityTypes(schema)), messages);
		GraphQLCodeRegistry wrapped = registry.transform((builder) -> builder.dataFetcher(coordinates, checked));
		return schema.transform((builder) -> builder.codeRegistry(wrapped));
	}

}
