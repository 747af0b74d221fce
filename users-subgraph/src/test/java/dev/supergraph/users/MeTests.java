package dev.supergraph.users;

import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code me} over real HTTP: the user of the token's subject.
 */
@SubgraphTest
class MeTests {

	@LocalServerPort
	int port;

	@Test
	void meIsTheUserOfTheTokenSubjectWithTheirEmail() {
		JsonNode me = api().me(TestTokens.forUser("17")).data().path("me");
		assertThat(me.path("id").asString()).isEqualTo("17");
		assertThat(me.path("name").asString()).isEqualTo("User 17");
		assertThat(me.path("email").asString()).isEqualTo("user17@example.com");
		assertThat(me.path("createdAt").asString()).isEqualTo("2025-01-01T17:00:00Z");
	}

	@Test
	void anonymousMeIsUnauthenticated() {
		Response response = api().me(null);
		assertThat(response.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(response.json().path("errors").get(0).path("path").toString()).isEqualTo("[\"me\"]");
		assertThat(response.data().path("me").isNull()).isTrue();
	}

	@Test
	void meOfAnUnregisteredSubjectIsNullWithoutError() {
		Response response = api().me(TestTokens.forUser("777777"));
		assertThat(response.json().has("errors")).isFalse();
		assertThat(response.data().path("me").isNull()).isTrue();
	}

	@Test
	void expiredAndForgedTokensAreRefusedBeforeAnyGraphQlWork() {
		for (String token : new String[] { TestTokens.expired("17"), TestTokens.forged("17", "users:read:email") }) {
			Response response = api().me(token);
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
		}
	}

	private UsersApi api() {
		return UsersApi.forPort(this.port);
	}

}
