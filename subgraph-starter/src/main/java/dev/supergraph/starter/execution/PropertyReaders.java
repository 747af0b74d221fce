package dev.supergraph.starter.execution;

import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;

/**
 * Gives every object field that no handler or wiring serves its own
 * {@link PropertyReader} in place of graphql-java's default fetcher. Applied when the
 * schema is built, before any type visitor, so guards and connection adapters wrap the
 * reader as they wrapped the default.
 */
public final class PropertyReaders {

	private PropertyReaders() {
	}

	/**
	 * The schema with a reader on every field that would use the default fetcher.
	 * @param schema the built schema
	 * @return the schema with the readers in its code registry
	 */
	public static GraphQLSchema install(GraphQLSchema schema) {
		GraphQLCodeRegistry registry = schema.getCodeRegistry();
		GraphQLCodeRegistry withReaders = registry.transform((builder) -> {
			for (GraphQLObjectType type : schema.getAllTypesAsList()
				.stream()
				.filter(GraphQLObjectType.class::isInstance)
				.map(GraphQLObjectType.class::cast)
				.filter((type) -> !type.getName().startsWith("__"))
				.toList()) {
				for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
					FieldCoordinates coordinates = FieldCoordinates.coordinates(type, field);
					if (!builder.hasDataFetcher(coordinates)) {
						builder.dataFetcher(coordinates, new PropertyReader(field.getName()));
					}
				}
			}
		});
		return schema.transform((builder) -> builder.codeRegistry(withReaders));
	}

}
