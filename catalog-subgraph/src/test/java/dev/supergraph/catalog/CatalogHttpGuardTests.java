package dev.supergraph.catalog;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Careless and hostile requests: each gets its documented status and code, no internals
 * leak, and the service keeps serving afterwards.
 */
@SubgraphTest
class CatalogHttpGuardTests {

	@LocalServerPort
	int port;

	GraphQlHttpClient client;

	@BeforeEach
	void client() {
		this.client = GraphQlHttpClient.forPort(this.port);
	}

	@AfterEach
	void serviceKeepsServing() {
		Response response = this.client.post("{ product(id: \"1\") { sku } }");
		assertThat(response.data().path("product").path("sku").asString()).isEqualTo("SKU-00001");
	}

	@Test
	void malformedJsonIsBadUserInputWithStatus400() {
		Response response = this.client.postRaw("application/json", "{\"query\": \"{ products ".getBytes());
		assertRefused(response, 400, "BAD_USER_INPUT");
	}

	@Test
	void wrongContentTypeIsRefusedWithStatus415() {
		Response response = this.client.postRaw("text/plain", "{ categories { id } }".getBytes());
		assertRefused(response, 415, "BAD_USER_INPUT");
	}

	@Test
	void invalidUtf8IsBadUserInput() {
		byte[] body = "{\"query\":\"{ productBySku(sku: \\\"\u0000\\\") { id } }\"}".getBytes(StandardCharsets.UTF_8);
		body[body.length - 6] = (byte) 0xC3;
		Response response = this.client.postRaw("application/json", body);
		assertThat(response.status()).isIn(200, 400);
		assertNoLeak(response);
	}

	@Test
	void getAndFormPostsAreNeverExecuted() {
		assertRefused(
				this.client.postRaw("application/x-www-form-urlencoded", "query=%7Bcategories%7Bid%7D%7D".getBytes()),
				415, "BAD_USER_INPUT");
		assertRefused(this.client.get("?query=%7Bcategories%7Bid%7D%7D"), 405, "BAD_USER_INPUT");
	}

	@Test
	void oversizedBodyIsRefusedWithStatus413() {
		String padding = "#".repeat(70 * 1024);
		Response response = this.client.postRaw("application/json",
				("{\"query\":\"{ categories { id } }\\n" + padding + "\"}").getBytes());
		assertRefused(response, 413, "BAD_USER_INPUT");
	}

	@Test
	void overDeepQueryIsTooComplex() {
		String deep = "{ categories { products { edges { node { category { products { edges { node { category { "
				+ "products { edges { node { category { name } } } } } } } } } } } } } }";
		Response response = this.client.post(deep);
		assertThat(response.firstErrorCode()).isEqualTo("QUERY_TOO_COMPLEX");
		assertThat(response.json().has("data")).isFalse();
		assertNoLeak(response);
	}

	@Test
	void tooManyTokensIsTooComplexWithStatus400() {
		String aliases = "{ " + "a: __typename ".repeat(3000) + "}";
		Response response = this.client.post(aliases);
		assertRefused(response, 400, "QUERY_TOO_COMPLEX");
		assertThat(response.json().path("errors").get(0).path("message").asString())
			.isEqualTo("The operation has more than 5000 tokens.");
		assertThat(response.json().has("data")).isFalse();
	}

	@Test
	void ordinarySyntaxErrorsStayBadUserInput() {
		Response response = this.client.post("{ categories { id ");
		assertRefused(response, 400, "BAD_USER_INPUT");
	}

	@Test
	void badAndExpiredAndForgedTokensAreUnauthenticatedWithStatus401() {
		for (String token : new String[] { "not-a-jwt", TestTokens.expired("1"),
				TestTokens.forged("1", "catalog:write") }) {
			Response response = this.client.post("{ categories { id } }", Map.of(), token);
			assertRefused(response, 401, "UNAUTHENTICATED");
		}
	}

	@Test
	void unknownFieldIsAValidationErrorWithoutSuggestions() {
		Response response = this.client.post("{ prodcts { id } }");
		assertThat(response.firstErrorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(response.body()).doesNotContain("Did you mean");
	}

	@Test
	void aBadCursorPageSizeOrIdOfAConnectionIsAnErrorNotAnEmptyPage() {
		for (String document : List.of("{ products(first: 1, after: \"eHl6\") { edges { cursor } } }",
				"{ products(first: 101) { edges { cursor } } }",
				"{ products(first: 1, filter: { categoryId: \"x\" }) { edges { cursor } } }",
				"{ categories { products(first: 1, after: \"eHl6\") { edges { cursor } } } }")) {
			Response response = this.client.post(document);
			assertThat(response.json().path("errors").path(0).path("extensions").path("code").asString())
				.as(response.body())
				.isEqualTo("BAD_USER_INPUT");
			assertThat(response.data().isNull()).as(response.body()).isTrue();
		}
	}

	@Test
	void everyErrorCarriesTheCallersRequestId() {
		Response response = this.client.postRaw("application/json",
				"{\"query\":\"{ product(id: \\\"x\\\") { id } }\"}".getBytes(), "X-Request-Id", "test-request-0001");
		assertThat(response.json().path("errors").get(0).path("extensions").path("requestId").asString())
			.isEqualTo("test-request-0001");
	}

	private static void assertRefused(Response response, int status, String code) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.firstErrorCode()).isEqualTo(code);
		assertThat(response.json().path("errors").get(0).path("extensions").path("requestId").asString()).isNotBlank();
		assertNoLeak(response);
	}

	private static void assertNoLeak(Response response) {
		assertThat(response.body()).doesNotContain("Exception", "at org.", "at dev.", "SQL", "trace");
	}

}
