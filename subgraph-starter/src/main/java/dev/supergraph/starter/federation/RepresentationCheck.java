package dev.supergraph.starter.federation;

import java.util.Map;

import dev.supergraph.starter.federation.EntityTypes.EntityType;
import graphql.language.Field;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLFieldDefinition;
import org.jspecify.annotations.Nullable;

/**
 * What every {@code _entities} representation must be before an entity fetcher sees it:
 * an object naming an entity type of this subgraph in {@code __typename}, with the fields
 * of at least one of its {@code @key}s, and with values of the schema's types in the
 * fields it carries ({@link FieldValues}). A router builds representations from subgraph
 * data, so anything else comes from a broken or hostile caller.
 */
final class RepresentationCheck {

	private final EntityTypes types;

	RepresentationCheck(EntityTypes types) {
		this.types = types;
	}

	@Nullable RepresentationProblem check(@Nullable Object representation) {
		if (!(representation instanceof Map<?, ?> map)) {
			return RepresentationProblem.of("entity.notAnObject");
		}
		if (!(map.get("__typename") instanceof String typename)) {
			return RepresentationProblem.of("entity.typenameMissing", "__typename");
		}
		EntityType entity = this.types.get(typename);
		if (entity == null) {
			return RepresentationProblem.of("entity.unknownType", "__typename");
		}
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			GraphQLFieldDefinition field = entity.type().getFieldDefinition(String.valueOf(entry.getKey()));
			if (field != null && !FieldValues.fits(field.getType(), entry.getValue())) {
				return RepresentationProblem.of("entity.invalidField", field.getName());
			}
		}
		if (entity.keys().stream().noneMatch((key) -> carries(map, key))) {
			return RepresentationProblem.of("entity.keyMissing");
		}
		return null;
	}

	/** Whether a representation holds every field of a key, nested keys included. */
	private static boolean carries(Map<?, ?> representation, SelectionSet key) {
		for (Selection<?> selection : key.getSelections()) {
			if (!(selection instanceof Field field)) {
				return false;
			}
			Object value = representation.get(field.getName());
			if (value == null) {
				return false;
			}
			SelectionSet nested = field.getSelectionSet();
			if (nested != null && !(value instanceof Map<?, ?> object && carries(object, nested))) {
				return false;
			}
		}
		return true;
	}

}
