package dev.supergraph.starter.validation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.apollographql.federation.graphqljava.Federation;
import dev.supergraph.starter.errors.ErrorMessages;
import dev.supergraph.starter.errors.UserError;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The rules of {@code @constraint} as the subgraphs enforce them, read from a federation
 * schema built the way the starter builds a subgraph's. The shared cases that the clients
 * run as well are checked over HTTP by each subgraph.
 */
class InputValidatorTests {

	static final String SDL = """
			extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
			type Query { a: String }
			input PersonInput {
				name: String! @constraint(minLength: 1, maxLength: 5)
				nick: String @constraint(minLength: 2, maxLength: 5)
				email: String @constraint(maxLength: 20, format: "email")
				code: ID @constraint(pattern: "[0-9]{2}")
				age: Int @constraint(min: 0, max: 150)
				score: Float @constraint(min: 0.5)
				tags: [String!] @constraint(maxItems: 2, maxLength: 3)
				pets: [PetInput!] @constraint(minItems: 1)
			}
			input PetInput { name: String! @constraint(minLength: 1, maxLength: 3) }
			""";

	final InputValidator validator = new InputValidator(() -> schema(SDL), new ErrorMessages());

	@Test
	void aValidInputHasNoErrors() {
		assertThat(check(Map.of("name", "Ann", "nick", "Al", "email", "ann@example.com", "code", "42", "age", 150,
				"tags", List.of("a", "bcd"), "pets", List.of(Map.of("name", "Rex")))))
			.isEmpty();
	}

	@Test
	void stringsAreCheckedTrimmed() {
		assertThat(check(Map.of("name", "  Annie  ", "nick", " Al ", "code", " 42 "))).isEmpty();
		assertThat(check(Map.of("name", "   "))).containsExactly("REQUIRED input.name");
		assertThat(check(Map.of("name", "Ann", "nick", "  A  "))).containsExactly("INVALID_LENGTH input.nick");
	}

	@Test
	void aBlankOptionalValueIsALengthErrorNotRequired() {
		assertThat(check(Map.of("name", "Ann", "nick", ""))).containsExactly("INVALID_LENGTH input.nick");
		assertThat(check(Map.of("name", "Ann", "email", ""))).containsExactly("INVALID_EMAIL input.email");
	}

	@Test
	void eachBrokenRuleIsOneErrorSortedByFieldThenCode() {
		assertThat(check(Map.of("name", "Annabel", "email", "a".repeat(20) + "@nope", "code", "4x", "age", -1)))
			.containsExactly("OUT_OF_RANGE input.age", "INVALID_FORMAT input.code", "INVALID_EMAIL input.email",
					"INVALID_LENGTH input.email", "INVALID_LENGTH input.name");
	}

	@Test
	void aPatternMatchesTheWholeValue() {
		assertThat(check(Map.of("name", "Ann", "code", "123"))).containsExactly("INVALID_FORMAT input.code");
		assertThat(check(Map.of("name", "Ann", "code", "a12"))).containsExactly("INVALID_FORMAT input.code");
	}

	@Test
	void numbersAreCheckedAgainstTheirBounds() {
		assertThat(check(Map.of("name", "Ann", "age", 151, "score", 0.49))).containsExactly("OUT_OF_RANGE input.age",
				"OUT_OF_RANGE input.score");
		assertThat(check(Map.of("name", "Ann", "age", 0, "score", 0.5))).isEmpty();
	}

	@Test
	void listsAreCountedAndTheirItemsCheckedWithTheirIndex() {
		assertThat(check(Map.of("name", "Ann", "tags", List.of("a", "b", "cdef"), "pets", List.of())))
			.containsExactly("INVALID_LENGTH input.pets", "INVALID_LENGTH input.tags", "INVALID_LENGTH input.tags.2");
		assertThat(check(Map.of("name", "Ann", "pets", List.of(Map.of("name", "Rex"), Map.of("name", " ")))))
			.containsExactly("REQUIRED input.pets.1.name");
	}

	@Test
	void aRecordIsReadLikeTheMapOfItsInputType() {
		assertThat(this.validator.validate(new PetInput(" "), Locale.ENGLISH))
			.containsExactly(new UserError("REQUIRED", "must not be blank", List.of("input", "name")));
	}

	@Test
	void messagesComeFromTheBundlesWithTheBoundsInTheCallersLanguage() {
		assertThat(messages(Map.of("name", "Annabel"), Locale.ENGLISH)).containsExactly("size must be between 1 and 5");
		assertThat(messages(Map.of("name", "Annabel"), Locale.GERMAN))
			.containsExactly("Größe muss zwischen 1 und 5 sein");
		assertThat(messages(Map.of("name", "Ann", "score", 0), Locale.ENGLISH))
			.containsExactly("must be greater than or equal to 0.5");
		assertThat(messages(Map.of("name", "Ann", "code", "x"), Locale.ENGLISH)).containsExactly("must be an id");
		assertThat(messages(Map.of("name", "Ann", "email", "x@y"), Locale.GERMAN))
			.containsExactly("muss eine korrekt formatierte E-Mail-Adresse sein");
	}

	@Test
	void anUnknownFormatFailsWhenTheRulesAreRead() {
		InputValidator invalid = new InputValidator(() -> schema(SDL.replace("format: \"email\"", "format: \"phone\"")),
				new ErrorMessages());
		assertThatIllegalStateException().isThrownBy(invalid::readRules).withMessageContaining("phone");
	}

	@Test
	void aRuleOnAFieldArgumentWouldBeEnforcedByNobodySoItFailsTheStart() {
		InputValidator invalid = new InputValidator(() -> schema(SDL.replace("type Query { a: String }",
				"type Query { a(id: ID @constraint(pattern: \"[0-9]+\")): String }")), new ErrorMessages());
		assertThatIllegalStateException().isThrownBy(invalid::readRules).withMessageContaining("Query.a(id:)");
	}

	private List<String> check(Map<String, Object> input) {
		return this.validator.validate("PersonInput", input, Locale.ENGLISH)
			.stream()
			.map((error) -> error.code() + " " + String.join(".", error.field()))
			.toList();
	}

	private List<String> messages(Map<String, Object> input, Locale locale) {
		return this.validator.validate("PersonInput", input, locale).stream().map(UserError::message).toList();
	}

	static GraphQLSchema schema(String sdl) {
		TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
		new ConstraintDirectiveConfigurer().configure(registry);
		return Federation.transform(registry, RuntimeWiring.newRuntimeWiring().build()).build();
	}

	record PetInput(String name) {

	}

}
