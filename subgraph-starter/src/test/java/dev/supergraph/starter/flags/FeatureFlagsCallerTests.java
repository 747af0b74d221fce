package dev.supergraph.starter.flags;

import dev.supergraph.starter.testsubgraph.TestResponse;
import dev.supergraph.starter.testsubgraph.TestSubgraph;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flags over real HTTP at the test subgraph ({@code test-flags.json}): the evaluation
 * context is the authenticated caller, on the request thread and through the GraphQL
 * context alike: the token's subject and scopes, the API key's client, the client header.
 */
class FeatureFlagsCallerTests {

	private final TestSubgraph subgraph = TestSubgraph.running();

	@Test
	void theTokensSubjectIsTheTargetingKey() {
		assertThat(flag("test-flag",
				this.subgraph.request(query("test-flag", false)).bearer(this.subgraph.token("flag-user")).send()))
			.isEqualTo("true true");
		assertThat(flag("test-flag",
				this.subgraph.request(query("test-flag", false)).bearer(this.subgraph.token("flag-other")).send()))
			.isEqualTo("false false");
	}

	@Test
	void theTokensScopesAreTheScopes() {
		assertThat(flag("test-flag",
				this.subgraph.request(query("test-flag", false))
					.bearer(this.subgraph.token("flag-scoped", "orders:read", "flag:beta"))
					.send()))
			.isEqualTo("true true");
	}

	@Test
	void theApiKeysClientIsTheClient() {
		String key = this.subgraph.apiKey("flag-machine");
		assertThat(flag("test-flag",
				this.subgraph.request(query("test-flag", false))
					.apiKey(key)
					.header("graphql-client-name", "ios")
					.send()))
			.isEqualTo("true true");
	}

	@Test
	void withoutAnApiKeyTheClientHeaderIsTheClient() {
		assertThat(flag("test-flag",
				this.subgraph.request(query("test-flag", false)).header("graphql-client-name", "flag-web").send()))
			.isEqualTo("true true");
		assertThat(flag("test-flag",
				this.subgraph.request(query("test-flag", false)).header("graphql-client-name", "ios").send()))
			.isEqualTo("false false");
	}

	@Test
	void anUnknownFlagIsTheCodedDefault() {
		assertThat(flag("no-such-flag", this.subgraph.request(query("no-such-flag", true)).send()))
			.isEqualTo("true true");
		assertThat(flag("no-such-flag", this.subgraph.request(query("no-such-flag", false)).send()))
			.isEqualTo("false false");
	}

	private static String query(String name, boolean codedDefault) {
		return "{ flag(name: \"" + name + "\", codedDefault: " + codedDefault + ") { onThread inContext } }";
	}

	private static String flag(String name, TestResponse response) {
		assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
		JsonNode answer = response.body().path("data").path("flag");
		return answer.path("onThread").asBoolean() + " " + answer.path("inContext").asBoolean();
	}

}
