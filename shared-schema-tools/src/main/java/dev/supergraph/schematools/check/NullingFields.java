package dev.supergraph.schematools.check;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;

/**
 * The fields of the new schemas whose parent turns null when the router denies an
 * element: the field itself when it is non-null; for a type, every field returning it
 * with no nullable level in between, as null propagates up to the nearest nullable
 * position. The fields are indexed by the type they return once, on the first policy
 * change: a change set may put policies on thousands of types of a schema of thousands.
 */
final class NullingFields {

	private final List<GraphQLSchema> schemas;

	private @Nullable Map<String, Set<String>> byReturnedType;

	NullingFields(List<GraphQLSchema> schemas) {
		this.schemas = schemas;
	}

	Set<String> of(String coordinate) {
		int dot = coordinate.indexOf('.');
		if (dot < 0) {
			return index().getOrDefault(coordinate, Set.of());
		}
		String member = coordinate.substring(dot + 1);
		String name = member.contains("(") ? member.substring(0, member.indexOf('(')) : member;
		boolean nonNull = this.schemas.stream()
			.anyMatch((schema) -> schema.getType(coordinate.substring(0, dot)) instanceof GraphQLFieldsContainer type
					&& type.getFieldDefinition(name) != null
					&& GraphQLTypeUtil.isNonNull(type.getFieldDefinition(name).getType()));
		return nonNull ? Set.of(coordinate) : Set.of();
	}

	private Map<String, Set<String>> index() {
		if (this.byReturnedType == null) {
			Map<String, Set<String>> index = new HashMap<>();
			for (GraphQLSchema schema : this.schemas) {
				for (GraphQLType type : schema.getAllTypesAsList()) {
					if (type instanceof GraphQLFieldsContainer container) {
						container.getFieldDefinitions()
							.stream()
							.filter((field) -> nonNullAtEveryLevel(field.getType()))
							.forEach((field) -> index.computeIfAbsent(returned(field), (key) -> new LinkedHashSet<>())
								.add(container.getName() + "." + field.getName()));
					}
				}
			}
			this.byReturnedType = index;
		}
		return this.byReturnedType;
	}

	private static String returned(GraphQLFieldDefinition field) {
		return GraphQLTypeUtil.unwrapAll(field.getType()).getName();
	}

	private static boolean nonNullAtEveryLevel(GraphQLOutputType type) {
		GraphQLType level = type;
		while (level instanceof GraphQLNonNull nonNull) {
			if (!(nonNull.getWrappedType() instanceof GraphQLList list)) {
				return true;
			}
			level = list.getWrappedType();
		}
		return false;
	}

}
