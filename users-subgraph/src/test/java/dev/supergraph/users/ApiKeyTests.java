package dev.supergraph.users;

import java.time.Duration;
import java.util.Map;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestApiKeys;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Machine clients with API keys, checked by the subgraph itself against the shared key
 * file: the key's scopes count like a token's, the client owns no user data, and unknown,
 * revoked or ambiguous credentials are refused with 401 before any GraphQL work.
 */
@SubgraphTest
class ApiKeyTests {

	@LocalServerPort
	int port;

	@Test
	void aKeyWithTheEmailScopeReadsAnyUsersEmail() {
		String key = TestApiKeys.create("crm-export", "users:read:email");
		Response response = api().callWithApiKey("userWithEmail", Map.of("id", "21"), key);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().has("errors")).isFalse();
		assertThat(response.data().path("user").path("email").asString()).isEqualTo("user21@example.com");
	}

	@Test
	void aKeyWithoutTheScopeOwnsNoEmailNotEvenOfAUserWithItsId() {
		String key = TestApiKeys.create("21", "users:read");
		Response response = api().callWithApiKey("userWithEmail", Map.of("id", "21"), key);
		assertThat(response.data().path("user").path("name").asString()).isEqualTo("User 21");
		assertThat(response.data().path("user").path("email").isNull()).isTrue();
		assertThat(response.firstErrorCode()).isEqualTo("FORBIDDEN");
	}

	@Test
	void aMachineClientHasNoMe() {
		String key = TestApiKeys.create("batch", "users:read:email");
		Response response = api().callWithApiKey("me", Map.of(), key);
		assertThat(response.data().path("me").isNull()).isTrue();
		assertThat(response.firstErrorCode()).isEqualTo("FORBIDDEN");
	}

	@Test
	void unknownMalformedAndAmbiguousCredentialsAreRefusedWith401() {
		String known = TestApiKeys.create("batch", "users:read:email");
		String wrongSecret = known.substring(0, known.length() - 4) + "AAAA";
		for (String key : new String[] { wrongSecret, "sgk_000000000000_" + "A".repeat(43), "not-a-key", "" }) {
			Response response = api().callWithApiKey("userWithEmail", Map.of("id", "3"), key);
			assertThat(response.status()).as(key).isEqualTo(401);
			assertThat(response.firstErrorCode()).as(key).isEqualTo("UNAUTHENTICATED");
			assertThat(response.body()).doesNotContain(known.substring(17)).doesNotContain("Exception");
		}
		Response both = GraphQlHttpClient.forPort(this.port)
			.postWithHeaders("{ user(id: \"3\") { email } }", Map.of(),
					Map.of("X-Api-Key", known, "Authorization", "Bearer " + TestTokens.forUser("3")));
		assertThat(both.status()).isEqualTo(401);
		assertThat(both.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void aRevokedKeyIsRefusedWithoutARestartWhileOtherKeysKeepWorking() {
		String leaked = TestApiKeys.create("leaked", "users:read:email");
		String other = TestApiKeys.create("second-job", "users:read:email");
		assertThat(api().callWithApiKey("userWithEmail", Map.of("id", "4"), leaked).status()).isEqualTo(200);
		TestApiKeys.revoke(leaked);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api().callWithApiKey("userWithEmail", Map.of("id", "4"), leaked).status() == 401);
		Response response = api().callWithApiKey("userWithEmail", Map.of("id", "4"), other);
		assertThat(response.data().path("user").path("email").asString()).isEqualTo("user4@example.com");
	}

	private UsersApi api() {
		return UsersApi.forPort(this.port);
	}

}
