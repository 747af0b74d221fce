package dev.supergraph.users;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request's {@code Accept-Language} reaches every kind of message over real HTTP:
 * user errors, Bean Validation messages, GraphQL errors and refusals before GraphQL.
 */
@SubgraphTest
class GermanMessagesTests {

	static final String REGISTER = "mutation($input: RegisterUserInput!) { registerUser(input: $input) "
			+ "{ user { id } userErrors { code message } } }";

	@LocalServerPort
	int port;

	GraphQlHttpClient client;

	@BeforeEach
	void client() {
		this.client = GraphQlHttpClient.forPort(this.port);
	}

	@Test
	void userErrorsAndValidationMessagesFollowTheLanguage() {
		Map<String, Object> taken = Map.of("input", Map.of("name", "Kopie", "email", "user7@example.com"));
		assertThat(userError(register(taken, "de")))
			.isEqualTo("EMAIL_TAKEN: Die E-Mail-Adresse user7@example.com ist bereits registriert.");
		Map<String, Object> blank = Map.of("input", Map.of("name", " ", "email", "blank@example.com"));
		assertThat(userError(register(blank, "de-AT,de;q=0.9"))).isEqualTo("REQUIRED: darf nicht leer sein");
		assertThat(userError(register(blank, "en"))).isEqualTo("REQUIRED: must not be blank");
	}

	@Test
	void graphQlErrorsFollowTheLanguage() {
		Response response = this.client.postWithHeaders("{ user(id: \"6\") { email } }", Map.of(),
				Map.of("Authorization", "Bearer " + TestTokens.forUser("5"), "Accept-Language", "de"));
		assertThat(response.json().path("errors").path(0).path("message").asString())
			.isEqualTo("Sie dürfen darauf nicht zugreifen.");
	}

	@Test
	void refusalsBeforeGraphQlFollowTheLanguage() {
		Response response = this.client.postRaw("text/plain",
				"{ users { edges { cursor } } }".getBytes(StandardCharsets.UTF_8), "Accept-Language", "de");
		assertThat(response.status()).isEqualTo(415);
		assertThat(response.json().path("errors").path(0).path("message").asString())
			.isEqualTo("Senden Sie Operationen als POST mit Content-Type application/json (UTF-8).");
	}

	private Response register(Map<String, Object> variables, String language) {
		return this.client.postWithHeaders(REGISTER, variables,
				Map.of("Authorization", "Bearer " + TestTokens.forUser("1901"), "Accept-Language", language));
	}

	private static String userError(Response response) {
		JsonNode error = response.data().path("registerUser").path("userErrors").path(0);
		return error.path("code").asString() + ": " + error.path("message").asString();
	}

}
