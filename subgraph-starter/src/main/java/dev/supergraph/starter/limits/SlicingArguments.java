package dev.supergraph.starter.limits;

import java.util.HashSet;
import java.util.Set;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import org.jspecify.annotations.Nullable;

/**
 * The names of every argument that some field's {@code @listSize(slicingArguments: …)}
 * declares: the only argument values an operation's cost depends on, so an operation in
 * which one of them takes a variable is measured again for each request's variables.
 */
final class SlicingArguments {

	// An application has one schema: the names read for the last one asked about.
	private static volatile @Nullable Read last;

	private SlicingArguments() {
	}

	static Set<String> of(GraphQLSchema schema) {
		Read read = last;
		if (read == null || read.schema() != schema) {
			read = new Read(schema, read(schema));
			last = read;
		}
		return read.names();
	}

	private static Set<String> read(GraphQLSchema schema) {
		Set<String> names = new HashSet<>();
		for (GraphQLNamedType type : schema.getAllTypesAsList()) {
			if (type instanceof GraphQLFieldsContainer container) {
				for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
					ListSize listSize = ListSize.of(schema, field);
					if (listSize != null) {
						names.addAll(listSize.slicingArguments());
					}
				}
			}
		}
		return Set.copyOf(names);
	}

	private record Read(GraphQLSchema schema, Set<String> names) {

	}

}
