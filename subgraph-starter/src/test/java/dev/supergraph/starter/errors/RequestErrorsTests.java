package dev.supergraph.starter.errors;

import java.util.Locale;
import java.util.Map;

import dev.supergraph.starter.testsubgraph.TestResponse;
import dev.supergraph.starter.testsubgraph.TestSubgraph;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusals graphql-java raises on its own, over HTTP against the running test
 * subgraph: an {@code operationName} that names no operation and variables that do not
 * fit their types get the router's reason and a message of the bundles, which neither
 * quotes the client's text nor names a Java class; any other message of graphql-java that
 * quotes the document is shown text (contract/shown-text.json).
 */
class RequestErrorsTests {

	// a bidi override and an escape sequence: what a reader of a log would be shown
	// otherwise
	private static final String HOSTILE = "\u202e\u001b[2J" + "x".repeat(1000);

	private final TestSubgraph subgraph = TestSubgraph.running();

	@Test
	void anOperationNameThatNamesNoOperationIsNotQuoted() {
		TestResponse response = this.subgraph.request("query A { greeting }").operationName(HOSTILE).send();
		assertThat(response.body().at("/errors/0/extensions/reason").asString()).as(response.body().toString())
			.isEqualTo("OPERATION_RESOLUTION_FAILURE");
		assertThat(response.body().toString()).doesNotContain("x".repeat(40), "\u202e", "\u202E");
	}

	@Test
	void variablesThatDoNotFitTheirTypesAreInvalidVariables() {
		String document = "query($name: String!, $on: Boolean!) { flag(name: $name, codedDefault: $on) { onThread } }";
		assertRefused(this.subgraph.request(document).variables(Map.of("on", true)).send(), "INVALID_VARIABLES");
	}

	@Test
	void aVariableOfTheWrongJsonTypeIsInvalidVariablesNamingTheJsonType() {
		String document = "query($name: String!, $on: Boolean!) { flag(name: $name, codedDefault: $on) { onThread } }";
		TestResponse object = this.subgraph.request(document)
			.variables(Map.of("name", Map.of(HOSTILE, 1), "on", true))
			.send();
		TestResponse string = this.subgraph.request(document).variables(Map.of("name", "a", "on", HOSTILE)).send();
		for (TestResponse response : new TestResponse[] { object, string }) {
			assertThat(response.errorCodes()).as(response.body().toString()).containsExactly("BAD_USER_INPUT");
			JsonNode error = response.body().path("errors").path(0);
			assertThat(error.at("/extensions/reason").asString()).isEqualTo("INVALID_VARIABLES");
			assertThat(error.path("message").asString()).doesNotContain("x".repeat(40), "LinkedHashMap", "String'");
		}
		assertThat(object.body().at("/errors/0/message").asString())
			.endsWith("Expected a value of type String, but it was a JSON object.");
		assertThat(string.body().at("/errors/0/message").asString())
			.endsWith("Expected a value of type Boolean, but it was a JSON string.");
	}

	@Test
	void graphqlJavasOwnMessagesQuotingTheDocumentAreShownText() {
		// the offending token of a syntax error, quoted whole
		String document = "{ flag(name: \"a\", codedDefault: true) \"" + HOSTILE.replace("\u001b", "\\u001b") + "\" }";
		TestResponse response = this.subgraph.request(document).send();
		assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
		String message = response.body().at("/errors/0/message").asString();
		assertThat(message).endsWith("…").doesNotContain("\u202e", "\u001b");
		assertThat(message.codePointCount(0, message.length())).isEqualTo(ShownText.MESSAGE_CODE_POINTS);
	}

	@Test
	void aDocumentThatDoesNotValidateIsRefusedInEachCallersLanguage() {
		// the same document twice: a refused document is not cached in the first
		// caller's language
		String document = "{ greeting nothingHere }";
		TestResponse english = this.subgraph.request(document).header("Accept-Language", "en").send();
		TestResponse german = this.subgraph.request(document).header("Accept-Language", "de").send();
		for (TestResponse response : new TestResponse[] { english, german }) {
			assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
			assertThat(response.body().has("data")).isFalse();
			assertThat(response.body().at("/errors/0/extensions/reason").asString())
				.isEqualTo("GRAPHQL_VALIDATION_FAILED");
		}
		assertThat(english.body().at("/errors/0/message").asString()).startsWith("Validation error");
		assertThat(german.body().at("/errors/0/message").asString()).startsWith("Validierungsfehler");
	}

	@Test
	void aLiteralOfTheWrongTypeIsQuotedAsShownText() {
		String document = "{ flag(name: \"a\", codedDefault: \"" + HOSTILE.replace("\u001b", "\\u001b")
				+ "\") { onThread } }";
		TestResponse response = this.subgraph.request(document).send();
		assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
		assertThat(response.body().at("/errors/0/message").asString()).startsWith("Argument \"codedDefault\": \"\uFFFD")
			.doesNotContain("\u202e", "\u001b", "x".repeat(40))
			.endsWith("… is not a value of type Boolean.");
	}

	private static void assertRefused(TestResponse response, String reason) {
		assertThat(response.errorCodes()).as(response.body().toString()).containsExactly("BAD_USER_INPUT");
		JsonNode error = response.body().path("errors").path(0);
		assertThat(error.at("/extensions/reason").asString()).isEqualTo(reason);
		assertThat(error.path("message").asString()).doesNotContain("x".repeat(40), "LinkedHashMap", "String'")
			.isEqualTo(new ErrorMessages().get(ErrorCode.BAD_USER_INPUT, "input.invalidVariables", new Object[0],
					Locale.ENGLISH));
	}

}
