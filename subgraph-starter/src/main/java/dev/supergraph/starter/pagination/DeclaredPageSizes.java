package dev.supergraph.starter.pagination;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.supergraph.starter.limits.ListSize;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

/**
 * The page size of each connection field without {@code first}: its
 * {@code @listSize(assumedSize: …)}, which the cost estimates of the router and the
 * subgraphs assume too. Read once per field, and checked for every connection of the
 * schema when the subgraph starts, so that a connection declaring none stops the start
 * with its name instead of failing its first request; so does one whose {@code @listSize}
 * requires a slicing argument (the spec's default), which contradicts its optional
 * {@code first}.
 */
final class DeclaredPageSizes {

	private final Map<GraphQLFieldDefinition, Integer> sizes = new ConcurrentHashMap<>();

	/**
	 * The page size of a connection field when {@code first} is omitted or null.
	 * @param schema the schema of the field
	 * @param field a connection field
	 * @return its assumed size
	 * @throws IllegalStateException when it declares none
	 */
	int of(GraphQLSchema schema, GraphQLFieldDefinition field) {
		return this.sizes.computeIfAbsent(field, (connection) -> assumedSize(schema, connection));
	}

	/**
	 * Checks that every connection field of a schema (a {@code first} argument and a type
	 * with {@code edges} and {@code pageInfo}) declares its page size.
	 * @param schema the subgraph's schema
	 * @throws IllegalStateException naming the connections that declare none
	 */
	static void check(GraphQLSchema schema) {
		List<String> undeclared = new ArrayList<>();
		List<String> requiringFirst = new ArrayList<>();
		for (GraphQLNamedType type : schema.getAllTypesAsList()) {
			if (type instanceof GraphQLFieldsContainer container && !type.getName().startsWith("__")) {
				for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
					if (!isConnection(field)) {
						continue;
					}
					ListSize listSize = ListSize.of(schema, field);
					String name = type.getName() + "." + field.getName();
					if (listSize == null || listSize.assumedSize() == null) {
						undeclared.add(name);
					}
					else if (listSize.requireOneSlicingArgument()) {
						requiringFirst.add(name);
					}
				}
			}
		}
		if (!undeclared.isEmpty()) {
			throw new IllegalStateException(message(undeclared));
		}
		if (!requiringFirst.isEmpty()) {
			throw new IllegalStateException(String.join(", ", requiringFirst)
					+ (requiringFirst.size() == 1 ? " serves" : " serve")
					+ " a page without first but its @listSize requires a slicing argument (the spec's default):"
					+ " declare requireOneSlicingArgument: false, or routers that follow the cost spec refuse every"
					+ " request without first");
		}
	}

	private static boolean isConnection(GraphQLFieldDefinition field) {
		return field.getArgument(PagingArguments.FIRST) != null
				&& GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType type
				&& type.getFieldDefinition("edges") != null && type.getFieldDefinition("pageInfo") != null;
	}

	private static int assumedSize(GraphQLSchema schema, GraphQLFieldDefinition field) {
		Integer size = declared(schema, field);
		if (size == null) {
			throw new IllegalStateException(message(List.of(field.getName())));
		}
		return size;
	}

	private static Integer declared(GraphQLSchema schema, GraphQLFieldDefinition field) {
		ListSize listSize = ListSize.of(schema, field);
		return (listSize != null) ? listSize.assumedSize() : null;
	}

	private static String message(List<String> fields) {
		return String.join(", ", fields) + (fields.size() == 1 ? " is" : " are")
				+ " paginated but declares no @listSize(assumedSize: …), its page size without first"
				+ " and what the cost estimates assume";
	}

}
