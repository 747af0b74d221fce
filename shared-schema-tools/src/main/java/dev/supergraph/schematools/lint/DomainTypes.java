package dev.supergraph.schematools.lint;

import java.util.List;
import java.util.Set;

import dev.supergraph.schematools.Synthesized;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;

/** The types a team wrote, without built-ins, introspection and federation machinery. */
final class DomainTypes {

	private static final Set<String> BUILT_IN = Set.of("Int", "Float", "String", "Boolean", "ID");

	private DomainTypes() {
	}

	static List<GraphQLNamedType> of(GraphQLSchema schema) {
		return schema.getAllTypesAsList()
			.stream()
			.filter((type) -> !Synthesized.isMachinery(type.getName()) && !BUILT_IN.contains(type.getName()))
			.toList();
	}

	static List<GraphQLObjectType> objects(GraphQLSchema schema) {
		return of(schema).stream()
			.filter(GraphQLObjectType.class::isInstance)
			.map(GraphQLObjectType.class::cast)
			.toList();
	}

	static boolean isScalar(GraphQLNamedType type) {
		return type instanceof GraphQLScalarType;
	}

}
