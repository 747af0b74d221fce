package dev.supergraph.users;

import java.util.List;
import java.util.Map;

import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code User.email} is visible only to the user themself or with scope
 * {@code users:read:email}, on every path to a user; a hidden email is {@code null} with
 * an error while the rest of the user survives.
 */
@SubgraphTest
class EmailVisibilityTests {

	@LocalServerPort
	int port;

	@Test
	void usersSeeTheirOwnEmail() {
		Response response = user("12", TestTokens.forUser("12"));
		assertThat(response.json().has("errors")).isFalse();
		assertThat(response.data().path("user").path("email").asString()).isEqualTo("user12@example.com");
	}

	@Test
	void theEmailScopeSeesEveryonesEmail() {
		Response response = user("14", TestTokens.forUser("13", "users:read:email"));
		assertThat(response.json().has("errors")).isFalse();
		assertThat(response.data().path("user").path("email").asString()).isEqualTo("user14@example.com");
	}

	@Test
	void anotherUsersEmailIsForbiddenButTheRestOfTheUserSurvives() {
		Response response = user("14", TestTokens.forUser("13", "users:read"));
		assertThat(response.data().path("user").toString())
			.isEqualTo("{\"id\":\"14\",\"name\":\"User 14\",\"email\":null,\"createdAt\":\"2025-01-01T14:00:00Z\"}");
		assertThat(errors(response)).containsExactly("FORBIDDEN user.email");
	}

	@Test
	void anonymousCallersSeeNoEmail() {
		Response response = user("14", null);
		assertThat(response.data().path("user").path("name").asString()).isEqualTo("User 14");
		assertThat(response.data().path("user").path("email").isNull()).isTrue();
		assertThat(errors(response)).containsExactly("UNAUTHENTICATED user.email");
	}

	@Test
	void inAListOnlyTheCallersOwnEmailIsVisible() {
		Response response = api().call("usersWithEmail", Map.of("first", 3), TestTokens.forUser("2"));
		List<String> emails = response.data()
			.path("users")
			.path("edges")
			.findValues("email")
			.stream()
			.map((email) -> email.isNull() ? "-" : email.asString())
			.toList();
		assertThat(emails).containsExactly("-", "user2@example.com", "-");
		assertThat(errors(response)).containsExactlyInAnyOrder("FORBIDDEN users.edges.0.node.email",
				"FORBIDDEN users.edges.2.node.email");
	}

	@Test
	void entitiesHideOtherUsersEmailsToo() {
		List<Map<String, Object>> representations = List.of(Map.of("__typename", "User", "id", "4"),
				Map.of("__typename", "User", "id", "5"));
		Response response = api().call("userEntitiesWithEmail", Map.of("representations", representations),
				TestTokens.forUser("5"));
		JsonNode entities = response.data().path("_entities");
		assertThat(entities.get(0).path("name").asString()).isEqualTo("User 4");
		assertThat(entities.get(0).path("email").isNull()).isTrue();
		assertThat(entities.get(1).path("email").asString()).isEqualTo("user5@example.com");
		assertThat(errors(response)).containsExactly("FORBIDDEN _entities.0.email");
	}

	@Test
	void theStandInOfAUserWithoutARecordHasNoEmailButANotFoundForItsOwnerAndAForbiddenForOthers() {
		List<Map<String, Object>> representations = List.of(Map.of("__typename", "User", "id", "424243"));
		Response owner = api().call("userEntitiesWithEmail", Map.of("representations", representations),
				TestTokens.forUser("424243"));
		JsonNode standIn = owner.data().path("_entities").get(0);
		assertThat(standIn.path("name").asString()).isEqualTo("Unknown user");
		assertThat(standIn.path("email").isNull()).isTrue();
		assertThat(errors(owner)).containsExactly("NOT_FOUND _entities.0.email");
		assertThat(owner.json().path("errors").get(0).path("message").asString())
			.isEqualTo("User 424243 is not registered.");
		Response other = api().call("userEntitiesWithEmail", Map.of("representations", representations),
				TestTokens.forUser("5"));
		assertThat(errors(other)).containsExactly("FORBIDDEN _entities.0.email");
	}

	private Response user(String id, @Nullable String token) {
		return api().call("userWithEmail", Map.of("id", id), token);
	}

	/** Errors as {@code CODE path.to.field}. */
	private static List<String> errors(Response response) {
		return response.json()
			.path("errors")
			.valueStream()
			.map((error) -> error.path("extensions").path("code").asString() + " "
					+ String.join(".", error.path("path").valueStream().map(JsonNode::asString).toList()))
			.toList();
	}

	private UsersApi api() {
		return UsersApi.forPort(this.port);
	}

}
