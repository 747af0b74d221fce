package dev.supergraph.starter.security;

import dev.supergraph.starter.testsubgraph.TestSubgraph;
import dev.supergraph.starter.testsubgraph.TestResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens and API keys over real HTTP: a valid credential becomes the viewer of the
 * request, a bad one is refused with {@code UNAUTHENTICATED} before any GraphQL work, and
 * no credential is an anonymous viewer.
 */
class CallerAuthenticationTests {

	private static final String ME = "{ me { subject client scopes } }";

	private final TestSubgraph subgraph = TestSubgraph.running();

	@Test
	void aBearerTokenIsTheViewer() {
		TestResponse response = this.subgraph.request(ME)
			.bearer(this.subgraph.token("user-7", "b:read", "a:read"))
			.send();
		assertThat(response.status()).isEqualTo(200);
		JsonNode me = response.body().path("data").path("me");
		assertThat(me.path("subject").asString()).isEqualTo("user-7");
		assertThat(me.path("client").isNull()).isTrue();
		assertThat(me.path("scopes").valueStream().map(JsonNode::asString)).containsExactly("a:read", "b:read");
	}

	@Test
	void aCallerIsNeverRememberedButTheResponseKeepsItsSecurityHeaders() {
		TestResponse first = this.subgraph.request(ME).bearer(this.subgraph.token("user-7", "a:read")).send();
		assertThat(first.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(first.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(first.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cacheControl) -> assertThat(cacheControl).contains("no-store"));
		TestResponse next = this.subgraph.request(ME).send();
		assertThat(next.body().path("data").path("me").isNull()).isTrue();
		assertThat(next.errorCodes()).containsExactly("UNAUTHENTICATED");
	}

	@Test
	void anApiKeyIsItsMachineClientWithTheKeysScopes() {
		String key = this.subgraph.apiKey("reporting", "orders:read");
		TestResponse response = this.subgraph.request(ME).apiKey(key).send();
		assertThat(response.status()).isEqualTo(200);
		JsonNode me = response.body().path("data").path("me");
		assertThat(me.path("subject").asString()).isEqualTo("apikey:" + key.split("_")[1]);
		assertThat(me.path("client").asString()).isEqualTo("reporting");
		assertThat(me.path("scopes").valueStream().map(JsonNode::asString)).containsExactly("orders:read");
	}

	@Test
	void aForgedTokenIsUnauthenticated() {
		String token = this.subgraph.token("user-7");
		TestResponse response = this.subgraph.request(ME)
			.bearer(token.substring(0, token.length() - 4) + "AAAA")
			.send();
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.errorCodes()).containsExactly("UNAUTHENTICATED");
	}

	@Test
	void anUnknownApiKeyIsUnauthenticated() {
		String key = this.subgraph.apiKey("reporting");
		TestResponse response = this.subgraph.request(ME).apiKey(key.substring(0, key.length() - 1) + "x").send();
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.errorCodes()).containsExactly("UNAUTHENTICATED");
	}

	@Test
	void withoutCredentialsAGuardedFieldIsUnauthenticatedAndTheRestSurvives() {
		TestResponse response = this.subgraph.request("{ greeting me { subject } }").send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().path("data").path("greeting").asString()).isEqualTo("hello");
		assertThat(response.body().path("data").path("me").isNull()).isTrue();
		assertThat(response.errorCodes()).containsExactly("UNAUTHENTICATED");
	}

	@Test
	void aMissingScopeIsForbidden() {
		TestResponse response = this.subgraph.request("{ secret }")
			.bearer(this.subgraph.token("user-8", "other"))
			.send();
		assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
		TestResponse granted = this.subgraph.request("{ secret }")
			.bearer(this.subgraph.token("user-8", "secret:read"))
			.send();
		assertThat(granted.body().path("data").path("secret").asString()).isEqualTo("s3cret");
	}

}
