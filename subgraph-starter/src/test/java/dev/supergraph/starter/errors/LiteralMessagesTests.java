package dev.supergraph.starter.errors;

import java.util.stream.Stream;

import dev.supergraph.starter.testsubgraph.TestResponse;
import dev.supergraph.starter.testsubgraph.TestSubgraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A literal that does not fit its input type, of every kind at every kind of input type
 * (the built-in scalars, an enum, an input object and its fields, a list, a custom
 * scalar, a directive's argument, a variable's default value), is refused as the router
 * refuses it, 400 {@code BAD_USER_INPUT} with reason {@code GRAPHQL_VALIDATION_FAILED},
 * with a message of the bundles in the caller's language that prints the literal as
 * GraphQL: graphql-java's printed its syntax tree's Java text
 * ({@code 'BooleanValue{value=true}' is not a valid 'ID'}), in English. Over HTTP against
 * the running test subgraph.
 */
class LiteralMessagesTests {

	private final TestSubgraph subgraph = TestSubgraph.running();

	static Stream<Arguments> literals() {
		return Stream.of(
				literal("id: true", "Argument \"id\": true is not a value of type ID.",
						"Argument \"id\": true ist kein Wert vom Typ ID."),
				literal("id: 1.5", "Argument \"id\": 1.5 is not a value of type ID.",
						"Argument \"id\": 1.5 ist kein Wert vom Typ ID."),
				literal("id: 2.0", "Argument \"id\": 2.0 is not a value of type ID.",
						"Argument \"id\": 2.0 ist kein Wert vom Typ ID."),
				literal("id: ONE", "Argument \"id\": ONE is not a value of type ID.",
						"Argument \"id\": ONE ist kein Wert vom Typ ID."),
				literal("id: {a: 1}", "Argument \"id\": {a:1} is not a value of type ID.",
						"Argument \"id\": {a:1} ist kein Wert vom Typ ID."),
				literal("id: [1]", "Argument \"id\": [1] is not a value of type ID.",
						"Argument \"id\": [1] ist kein Wert vom Typ ID."),
				literal("int: \"2\"", "Argument \"int\": \"2\" is not a value of type Int.",
						"Argument \"int\": \"2\" ist kein Wert vom Typ Int."),
				literal("int: 2147483648", "Argument \"int\": 2147483648 is not a value of type Int.",
						"Argument \"int\": 2147483648 ist kein Wert vom Typ Int."),
				literal("float: \"1.5\"", "Argument \"float\": \"1.5\" is not a value of type Float.",
						"Argument \"float\": \"1.5\" ist kein Wert vom Typ Float."),
				literal("text: 1", "Argument \"text\": 1 is not a value of type String.",
						"Argument \"text\": 1 ist kein Wert vom Typ String."),
				literal("on: \"yes\"", "Argument \"on\": \"yes\" is not a value of type Boolean.",
						"Argument \"on\": \"yes\" ist kein Wert vom Typ Boolean."),
				literal("kind: \"ONE\"", "Argument \"kind\": \"ONE\" is not a value of type EchoKind.",
						"Argument \"kind\": \"ONE\" ist kein Wert vom Typ EchoKind."),
				literal("kind: THREE", "Argument \"kind\": THREE is not a value of type EchoKind.",
						"Argument \"kind\": THREE ist kein Wert vom Typ EchoKind."),
				literal("range: 5", "Argument \"range\": 5 is not a value of type EchoRange.",
						"Argument \"range\": 5 ist kein Wert vom Typ EchoRange."),
				literal("range: {from: \"a\"}", "Argument \"range.from\": \"a\" is not a value of type Int.",
						"Argument \"range.from\": \"a\" ist kein Wert vom Typ Int."),
				literal("range: {from: 1, tags: [\"a\", 2]}",
						"Argument \"range.tags[1]\": 2 is not a value of type String.",
						"Argument \"range.tags[1]\": 2 ist kein Wert vom Typ String."),
				literal("range: {to: 1}", "Argument \"range\": EchoRange requires the fields from.",
						"Argument \"range\": EchoRange verlangt die Felder from."),
				literal("range: {from: 1, bogus: 2}", "Argument \"range\": EchoRange has no field \"bogus\".",
						"Argument \"range\": EchoRange hat kein Feld \"bogus\"."),
				literal("ids: [1, null]", "Argument \"ids[1]\" must not be null (ID!).",
						"Argument \"ids[1]\" darf nicht null sein (ID!)."),
				literal("at: \"yesterday\"", "Argument \"at\": \"yesterday\" is not a value of type DateTime.",
						"Argument \"at\": \"yesterday\" ist kein Wert vom Typ DateTime."),
				literal("at: 1", "Argument \"at\": 1 is not a value of type DateTime.",
						"Argument \"at\": 1 ist kein Wert vom Typ DateTime."));
	}

	private static Arguments literal(String argument, String english, String german) {
		return Arguments.of("{ echo(" + argument + ") }", english, german);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("literals")
	void aLiteralOfTheWrongTypeIsRefusedInTheCallersLanguage(String document, String english, String german) {
		// German first, then English: a refused document is not cached in the first
		// caller's language
		assertRefused(document, "de", german);
		assertRefused(document, "en", english);
	}

	@Test
	void aDirectivesArgumentIsALiteralToo() {
		assertRefused("{ greeting @skip(if: \"yes\") }", "en",
				"Argument \"if\": \"yes\" is not a value of type Boolean.");
	}

	@Test
	void aVariablesDefaultValueIsALiteralToo() {
		assertRefused("query($v: Int = \"x\") { echo(int: $v) }", "de",
				"Der Vorgabewert der Variablen \"$v\": \"x\" ist kein Wert vom Typ Int.");
	}

	@Test
	void aLongLiteralIsShownCut() {
		String text = "x".repeat(1000);
		JsonNode error = assertRefused("{ echo(int: \"" + text + "\") }", "en", null);
		assertThat(error.path("message").asString()).doesNotContain("x".repeat(40))
			.endsWith("… is not a value of type Int.");
	}

	@Test
	void aSyntaxErrorIsRefusedAsTheRouterRefusesIt() {
		TestResponse response = this.subgraph.request("{ echo(id: ").header("Accept-Language", "de").send();
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().has("data")).isFalse();
		assertThat(response.body().at("/errors/0/extensions/reason").asString()).isEqualTo("GRAPHQL_PARSE_FAILED");
		assertThat(response.body().at("/errors/0/message").asString()).startsWith("Ungültige Syntax");
	}

	private JsonNode assertRefused(String document, String language, String message) {
		TestResponse response = this.subgraph.request(document).header("Accept-Language", language).send();
		String seen = response.status() + " " + response.body();
		assertThat(response.status()).as(seen).isEqualTo(400);
		assertThat(response.body().has("data")).as(seen).isFalse();
		JsonNode errors = response.body().path("errors");
		assertThat(errors.valueStream().map((error) -> error.at("/extensions/reason").asString())).as(seen)
			.containsOnly("GRAPHQL_VALIDATION_FAILED");
		assertThat(errors.valueStream().map((error) -> error.at("/extensions/code").asString())).as(seen)
			.containsOnly("BAD_USER_INPUT");
		assertThat(seen).doesNotContain("Value{", "AST", "'");
		JsonNode error = errors.valueStream()
			.filter((candidate) -> message == null || candidate.path("message").asString().equals(message))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no error says " + message + ": " + seen));
		return error;
	}

}
