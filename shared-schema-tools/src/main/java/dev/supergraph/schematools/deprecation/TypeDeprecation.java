package dev.supergraph.schematools.deprecation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;

/**
 * A type cannot be deprecated itself; it counts as deprecated when all its fields (or
 * values) are. Its removal date is then the latest of theirs.
 */
public final class TypeDeprecation {

	private TypeDeprecation() {
	}

	/**
	 * The deprecation reason that governs the type's removal, if all its members are
	 * deprecated.
	 */
	public static Optional<String> reason(GraphQLSchema schema, String typeName) {
		List<String> members = (schema.getType(typeName) instanceof GraphQLNamedType type) ? members(type) : List.of();
		List<Optional<String>> reasons = members.stream()
			.map((member) -> DeprecationLookup.reason(schema, typeName + "." + member))
			.toList();
		if (members.isEmpty() || reasons.stream().anyMatch(Optional::isEmpty)) {
			return Optional.empty();
		}
		Optional<String> undated = reasons.stream()
			.map(Optional::get)
			.filter((reason) -> RemovalDate.parse(reason).isEmpty())
			.findFirst();
		return undated.or(() -> reasons.stream()
			.map(Optional::get)
			.max(Comparator.comparing((String reason) -> RemovalDate.parse(reason).orElse(LocalDate.MIN))));
	}

	private static List<String> members(GraphQLNamedType type) {
		if (type instanceof GraphQLFieldsContainer container) {
			return container.getFieldDefinitions().stream().map((field) -> field.getName()).toList();
		}
		if (type instanceof GraphQLEnumType enumType) {
			return enumType.getValues().stream().map((value) -> value.getName()).toList();
		}
		if (type instanceof GraphQLInputObjectType input) {
			return input.getFieldDefinitions().stream().map((field) -> field.getName()).toList();
		}
		return List.of();
	}

}
