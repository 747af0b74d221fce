package dev.supergraph.users;

import java.util.Map;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestApiKeys;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subgraph's own per-client rate limit, behind the router's: per verified token
 * subject or API key, answered like the router (429, {@code Retry-After},
 * {@code RATE_LIMITED} with {@code retryAfterSeconds}); other clients keep being served.
 */
@SubgraphTest
@TestPropertySource(properties = "subgraph.rate-limit.requests-per-minute=3")
class RateLimitTests {

	private static final String QUERY = "{ user(id: \"1\") { id name } }";

	@LocalServerPort
	int port;

	@Test
	void aUserOverTheBudgetIsRateLimitedWithARetryHintWhileOthersAreServed() {
		String token = TestTokens.forUser("31");
		for (int i = 0; i < 3; i++) {
			assertThat(client().post(QUERY, Map.of(), token).status()).isEqualTo(200);
		}
		Response limited = client().post(QUERY, Map.of(), token);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.firstErrorCode()).isEqualTo("RATE_LIMITED");
		long retryAfter = limited.json().path("errors").get(0).path("extensions").path("retryAfterSeconds").asLong();
		assertThat(retryAfter).isBetween(1L, 60L);
		assertThat(limited.header("Retry-After")).isEqualTo(String.valueOf(retryAfter));
		assertThat(limited.body()).doesNotContain("Exception", "user(id");

		assertThat(client().post(QUERY, Map.of(), TestTokens.forUser("32")).status()).isEqualTo(200);
	}

	@Test
	void anApiKeyHasItsOwnBudget() {
		String key = TestApiKeys.create("hasty-batch", "users:read:email");
		for (int i = 0; i < 3; i++) {
			assertThat(client().postWithApiKey(QUERY, Map.of(), key).status()).isEqualTo(200);
		}
		assertThat(client().postWithApiKey(QUERY, Map.of(), key).firstErrorCode()).isEqualTo("RATE_LIMITED");
	}

	@Test
	void anonymousRequestsAreLeftToTheRoutersLimit() {
		for (int i = 0; i < 6; i++) {
			assertThat(client().post(QUERY).status()).isEqualTo(200);
		}
	}

	private GraphQlHttpClient client() {
		return GraphQlHttpClient.forPort(this.port);
	}

}
