package dev.supergraph.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's {@code Accept-Language} travels through the router to the subgraphs, which
 * answer user errors, validation messages and GraphQL errors in that language: German for
 * {@code de}, English without a header or for a language the bundles lack.
 */
class GermanMessagesIT {

	static final String GERMAN = "de-DE,de;q=0.9,en;q=0.5";

	static final String PLACE_ORDER = "mutation($input: PlaceOrderInput!) { placeOrder(input: $input) "
			+ "{ order { id } userErrors { code message field } } }";

	static GraphQlHttpClient router;

	@BeforeAll
	static void router() {
		router = Supergraph.get().router();
	}

	@Test
	void userErrorsOfTheOrdersSubgraphAreGerman() {
		Map<String, Object> input = Map.of("idempotencyKey", "german-duplicate-1", "items",
				List.of(Map.of("productId", "4", "quantity", 1), Map.of("productId", "4", "quantity", 2)));
		JsonNode german = userError(send(PLACE_ORDER, Map.of("input", input), "461", GERMAN), "placeOrder");
		assertThat(german.path("code").asString()).isEqualTo("DUPLICATE_PRODUCT");
		assertThat(german.path("message").asString())
			.isEqualTo("Produkt 4 steht auf mehr als einer Zeile; bestellen Sie seine ganze Menge auf einer Zeile.");
		JsonNode english = userError(send(PLACE_ORDER, Map.of("input", input), "461", null), "placeOrder");
		assertThat(english.path("message").asString())
			.isEqualTo("Product 4 is on more than one line; put its whole quantity on one line.");
	}

	@Test
	void validationMessagesOfTheProjectAndOfBeanValidationAreGerman() {
		Map<String, Object> input = Map.of("idempotencyKey", "short", "items",
				List.of(Map.of("productId", "4", "quantity", 1)));
		JsonNode key = userError(send(PLACE_ORDER, Map.of("input", input), "461", GERMAN), "placeOrder");
		assertThat(key.path("code").asString()).isEqualTo("INVALID_FORMAT");
		assertThat(key.path("message").asString())
			.isEqualTo("muss aus 8 bis 64 Buchstaben, Ziffern oder . _ : - bestehen");
		String register = "mutation($input: RegisterUserInput!) { registerUser(input: $input) "
				+ "{ user { id } userErrors { code message field } } }";
		JsonNode name = userError(
				send(register, Map.of("input", Map.of("name", " ", "email", "anna@example.de")), "700301", GERMAN),
				"registerUser");
		assertThat(name.path("code").asString()).isEqualTo("REQUIRED");
		assertThat(name.path("message").asString()).isEqualTo("darf nicht leer sein");
	}

	@Test
	void graphQlErrorsOfTheSubgraphsAreGerman() {
		Response forbidden = send("{ user(id: \"6\") { id email } }", Map.of(), "5", GERMAN);
		assertThat(forbidden.firstErrorCode()).isEqualTo("FORBIDDEN");
		assertThat(message(forbidden)).isEqualTo("Sie dürfen darauf nicht zugreifen.");
		Response unstorable = send("query($s: String!) { productBySku(sku: $s) { id } }", Map.of("s", "A\u0000"), null,
				GERMAN);
		assertThat(unstorable.firstErrorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(message(unstorable)).startsWith("sku enthält ein Zeichen, das nicht angenommen wird");
		Response deep = send(Hostile.DEEP, Map.of(), null, GERMAN);
		assertThat(deep.firstErrorCode()).isEqualTo("QUERY_TOO_COMPLEX");
		assertThat(message(deep))
			.matches("Die Operation ist \\d+ Ebenen tief verschachtelt; erlaubt sind höchstens 12\\.");
	}

	@Test
	void aLanguageWithoutTranslationsGetsEnglish() {
		Response forbidden = send("{ user(id: \"6\") { id email } }", Map.of(), "5", "fr-FR,fr;q=0.9");
		assertThat(message(forbidden)).isEqualTo("You are not allowed to access this.");
	}

	private static Response send(String document, Map<String, ?> variables, @Nullable String user,
			@Nullable String language) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (user != null) {
			headers.put("Authorization", "Bearer " + TestTokens.forUser(user));
		}
		if (language != null) {
			headers.put("Accept-Language", language);
		}
		Response response = router.postWithHeaders(document, variables, headers);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response;
	}

	private static JsonNode userError(Response response, String field) {
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		return response.data().path(field).path("userErrors").path(0);
	}

	private static String message(Response response) {
		return response.json().path("errors").path(0).path("message").asString();
	}

}
