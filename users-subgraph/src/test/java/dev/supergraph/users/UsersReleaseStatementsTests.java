package dev.supergraph.users;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import dev.supergraph.starter.test.release.RecordReleaseStatements;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read and write path of the users subgraph over HTTP, so that
 * {@code src/test/resources/release/statements.json} is exactly the SQL this release
 * issues (docs/migrations.md).
 */
@SubgraphTest
class UsersReleaseStatementsTests {

	@RegisterExtension
	static RecordReleaseStatements release = new RecordReleaseStatements();

	@LocalServerPort
	int port;

	GraphQlHttpClient client;

	@BeforeEach
	void client() {
		this.client = GraphQlHttpClient.forPort(this.port);
	}

	@Test
	void meAndUserById() {
		assertThat(post("me", Map.of(), TestTokens.forUser("1")).path("me").path("id").asString()).isEqualTo("1");
		Response user = this.client.post("{ user(id: \"2\") { id name createdAt } }");
		assertThat(user.data().path("user").path("id").asString()).isEqualTo("2");
	}

	@Test
	void userPagesAndEntities() {
		String after = post("userPage", Map.of("first", 2), null).path("users")
			.path("pageInfo")
			.path("endCursor")
			.asString();
		assertThat(post("userPage", Map.of("first", 2, "after", after), null).path("users").path("edges")).hasSize(2);
		List<Map<String, String>> representations = List.of(Map.of("__typename", "User", "id", "1"),
				Map.of("__typename", "User", "id", "2"));
		assertThat(post("userEntities", Map.of("representations", representations), null).path("_entities")).hasSize(2);
	}

	@Test
	void registerUserOnceAndWithATakenEmail() {
		Map<String, Object> input = Map.of("input", Map.of("name", "Release One", "email", "release-1@example.com"));
		JsonNode registered = post("registerUser", input, TestTokens.forUser("70001")).path("registerUser");
		assertThat(registered.path("user").path("id").asString()).isEqualTo("70001");
		assertThat(errorCode(post("registerUser", input, TestTokens.forUser("70001")).path("registerUser")))
			.isEqualTo("ALREADY_REGISTERED");
		assertThat(errorCode(post("registerUser", input, TestTokens.forUser("70002")).path("registerUser")))
			.isEqualTo("EMAIL_TAKEN");
	}

	@Test
	void updateProfileOfARegisteredAndAnUnknownUser() {
		post("registerUser", Map.of("input", Map.of("name", "Release Two", "email", "release-2@example.com")),
				TestTokens.forUser("70003"));
		Map<String, Object> input = Map.of("input", Map.of("name", "Release Renamed"));
		JsonNode updated = post("updateProfile", input, TestTokens.forUser("70003")).path("updateProfile");
		assertThat(updated.path("user").path("name").asString()).isEqualTo("Release Renamed");
		assertThat(errorCode(post("updateProfile", input, TestTokens.forUser("70099")).path("updateProfile")))
			.isEqualTo("NOT_REGISTERED");
	}

	private JsonNode post(String documentName, Map<String, ?> variables, @Nullable String token) {
		Response response = this.client.post(document(documentName), variables, token);
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		return response.data();
	}

	private static String errorCode(JsonNode payload) {
		return payload.path("userErrors").path(0).path("code").asString();
	}

	private static String document(String name) {
		try {
			return new ClassPathResource("graphql-test/" + name + ".graphql")
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
