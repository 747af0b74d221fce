package dev.supergraph.starter.federation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes a representation well-formed, on a schema with a two-key entity, an entity
 * with a nested key and an external field.
 */
class RepresentationCheckTests {

	static final String SDL = """
			directive @key(fields: String!) repeatable on OBJECT
			enum Kind { BOOK FILM }
			type Query { noop: String }
			type Product @key(fields: "id") @key(fields: "sku") { id: ID! sku: String! weightGrams: Int kind: Kind
			  tags: [String!] }
			type Shelf @key(fields: "store { id } number") { store: Store! number: Int! }
			type Store { id: ID! }
			type Money { amount: String }
			""";

	final RepresentationCheck check = new RepresentationCheck(new EntityTypes(schema()));

	@Test
	void representationsWithAKeyOfTheirTypeAreAccepted() {
		assertThat(this.check.check(Map.of("__typename", "Product", "id", "42"))).isNull();
		assertThat(this.check.check(Map.of("__typename", "Product", "id", 42))).isNull();
		assertThat(this.check.check(Map.of("__typename", "Product", "sku", "SKU-1", "weightGrams", 5, "kind", "BOOK",
				"tags", List.of("a"), "unknownField", Map.of())))
			.isNull();
		assertThat(this.check.check(Map.of("__typename", "Shelf", "store", Map.of("id", "3"), "number", 1))).isNull();
	}

	@Test
	void somethingOtherThanAnObjectIsRefused() {
		for (Object value : new Object[] { "Product", 42, List.of(), true, null }) {
			assertThat(this.check.check(value)).isEqualTo(RepresentationProblem.of("entity.notAnObject"));
		}
	}

	@Test
	void aMissingOrUnknownTypenameIsRefused() {
		assertThat(this.check.check(Map.of("id", "1")))
			.isEqualTo(RepresentationProblem.of("entity.typenameMissing", "__typename"));
		assertThat(this.check.check(Map.of("__typename", 7, "id", "1")))
			.isEqualTo(RepresentationProblem.of("entity.typenameMissing", "__typename"));
		for (String type : List.of("Nope", "Money", "Query", "String")) {
			assertThat(this.check.check(Map.of("__typename", type, "id", "1")))
				.isEqualTo(RepresentationProblem.of("entity.unknownType", "__typename"));
		}
	}

	@Test
	void aRepresentationWithoutAWholeKeyIsRefused() {
		RepresentationProblem keyMissing = RepresentationProblem.of("entity.keyMissing");
		assertThat(this.check.check(Map.of("__typename", "Product", "weightGrams", 1))).isEqualTo(keyMissing);
		assertThat(this.check.check(Map.of("__typename", "Shelf", "number", 1))).isEqualTo(keyMissing);
		assertThat(this.check.check(Map.of("__typename", "Shelf", "store", Map.of(), "number", 1)))
			.isEqualTo(keyMissing);
	}

	@Test
	void valuesThatDoNotFitTheirFieldAreRefusedNamingTheField() {
		for (Object id : new Object[] { Map.of(), List.of("1"), 1.5, true, "abc", -1, "1e3", "9".repeat(19) }) {
			assertThat(this.check.check(Map.of("__typename", "Product", "id", id))).as(String.valueOf(id))
				.isEqualTo(RepresentationProblem.of("entity.invalidField", "id"));
		}
		assertInvalid("sku", 7);
		assertInvalid("weightGrams", "heavy");
		assertInvalid("weightGrams", 2.5);
		assertInvalid("kind", "POEM");
		assertInvalid("tags", "not-a-list");
		assertInvalid("tags", List.of(1));
		Map<String, Object> nullSku = new HashMap<>(Map.of("__typename", "Product", "id", "1"));
		nullSku.put("sku", null);
		assertThat(this.check.check(nullSku)).isEqualTo(RepresentationProblem.of("entity.invalidField", "sku"));
	}

	private void assertInvalid(String field, Object value) {
		assertThat(this.check.check(Map.of("__typename", "Product", "id", "1", field, value))).as(field + "=" + value)
			.isEqualTo(RepresentationProblem.of("entity.invalidField", field));
	}

	private static GraphQLSchema schema() {
		return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL),
				RuntimeWiring.newRuntimeWiring().build());
	}

}
