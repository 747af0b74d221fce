package dev.supergraph.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.supergraph.gateway.Hostile.assertNoLeak;
import static dev.supergraph.gateway.Hostile.assertRefused;
import static dev.supergraph.gateway.Hostile.code;
import static dev.supergraph.gateway.Hostile.codes;
import static dev.supergraph.gateway.Hostile.reason;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests through the router in dev mode, which forwards any document without
 * limits of its own: the subgraphs' limits, input handling and ownership rules must hold
 * behind it, and the router's own parsing must refuse garbage without leaking. After
 * every case the router still answers a valid operation.
 */
class RouterAdversarialIT {

	static GraphQlHttpClient router;

	@BeforeAll
	static void router() {
		router = Supergraph.get().router();
	}

	@AfterEach
	void routerKeepsServing() {
		Response response = router.post("{ product(id: \"1\") { sku category { name } } }");
		assertThat(response.data().path("product").path("sku").asString()).as(response.body()).isEqualTo("SKU-00001");
	}

	@Test
	void deepNestingIsTooComplexForTheSubgraph() {
		Response response = router.post(Hostile.DEEP);
		assertRefused(response, 200, "QUERY_TOO_COMPLEX");
		assertThat(response.data().isNull()).as(response.body()).isTrue();
	}

	@Test
	void hundredThousandItemPageIsTooComplexBeforeAnyFetch() {
		Response response = router.post(Hostile.HUGE_PAGE);
		assertRefused(response, 200, "QUERY_TOO_COMPLEX");
		assertThat(response.data().isNull()).as(response.body()).isTrue();
	}

	@Test
	void aliasOverloadingIsStoppedByTheSubgraphsTokenLimit() {
		Response response = router.post(Hostile.aliases(500, "product(id: \"1\") { id name }"));
		assertRefused(response, 200, "QUERY_TOO_COMPLEX");
		// One error for the refused fetch (Rust planner), or one per aliased field
		// (JavaScript planner).
		assertThat(codes(response)).as(response.body()).isNotEmpty().containsOnly("QUERY_TOO_COMPLEX");
		assertThat(response.body()).doesNotContain("Classic Audio");
	}

	@Test
	void aliasedPagesAddUpToTooComplex() {
		Response response = router.post(Hostile.aliases(40, Hostile.NESTED_PAGES));
		assertThat(codes(response)).as(response.body()).isNotEmpty().containsOnly("QUERY_TOO_COMPLEX");
		assertThat(response.body()).doesNotContain("SKU-");
		assertNoLeak(response);
	}

	@Test
	void circularFragmentsAreRefusedByValidation() {
		Response response = router.post(Hostile.CIRCULAR_FRAGMENTS);
		assertRefused(response, 400, "BAD_USER_INPUT");
		assertThat(Hostile.reason(response)).isEqualTo("GRAPHQL_VALIDATION_FAILED");
	}

	@Test
	void batchedRequestArraysAreRefused() {
		byte[] batch = "[{\"query\":\"{ categories { id } }\"},{\"query\":\"{ categories { id } }\"}]"
			.getBytes(StandardCharsets.UTF_8);
		Response response = router.postRaw("application/json", batch);
		assertRefused(response, 400, "BAD_USER_INPUT");
		assertThat(Hostile.reason(response)).isEqualTo("BATCHING_NOT_SUPPORTED");
	}

	@Test
	void malformedJsonIsBadUserInputWithoutTheParserError() {
		Response response = router.postRaw("application/json", "{\"query\": \"{ products ".getBytes());
		assertRefused(response, 400, "BAD_USER_INPUT");
		// useErrorCodes drops the JavaScript parser error (name, message, input excerpt)
		assertThat(response.json().path("errors").path(0).path("extensions").has("originalError")).isFalse();
		assertThat(response.body()).doesNotContain("SyntaxError", "products");
	}

	@Test
	void deeplyNestedJsonInVariablesIsBadUserInputBeforeAnyGraphQlWork() {
		// bounded like the subgraphs' JSON parser
		// (SubgraphAdversarialIT.deeplyNestedJsonIsBadUserInput)
		Response response = router.postRaw("application/json", Hostile.nestedJson(5000));
		assertRefused(response, 400, "BAD_USER_INPUT");
		assertThat(reason(response)).isEqualTo("JSON_TOO_DEEP");
	}

	@Test
	void documentNestedThousandsDeepIsTooComplexBeforeRecursiveParsing() {
		// graphql-js's recursive parser would overflow its stack on it
		Response response = router.post("{ categories " + "{ id ".repeat(5000) + "}".repeat(5000) + " }");
		assertRefused(response, 400, "QUERY_TOO_COMPLEX");
		assertThat(reason(response)).isEqualTo("NESTING_TOO_DEEP");
	}

	@Test
	void emptyBodySyntaxErrorsAndUnknownOperationsAreBadUserInput() {
		assertThat(reason(assertBadInput(router.postRaw("application/json", "{}".getBytes()))))
			.isEqualTo("DOCUMENT_REQUIRED");
		assertThat(reason(assertBadInput(router.post("{ categories { id ")))).isEqualTo("GRAPHQL_PARSE_FAILED");
		byte[] unknownOperation = "{\"query\":\"query A { categories { id } }\",\"operationName\":\"B\"}"
			.getBytes(StandardCharsets.UTF_8);
		assertThat(reason(assertBadInput(router.postRaw("application/json", unknownOperation))))
			.isEqualTo("OPERATION_RESOLUTION_FAILURE");
	}

	private static Response assertBadInput(Response response) {
		assertRefused(response, 400, "BAD_USER_INPUT");
		return response;
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/xml", "application/octet-stream" })
	void unknownContentTypesAreUnsupported(String contentType) {
		Response response = router.postRaw(contentType, "{\"query\":\"{ categories { id } }\"}".getBytes());
		assertRefused(response, 415, "BAD_USER_INPUT");
		assertThat(reason(response)).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void invalidUtf8IsRefusedNotDecodedIntoOtherText() {
		Response response = router.postRaw("application/json",
				Hostile.invalidUtf8("{\"query\":\"{ productBySku(sku: \\\"SKU-INVALID\\\") { id } }\"}"));
		assertRefused(response, 400, "BAD_USER_INPUT");
		assertThat(reason(response)).isEqualTo("INVALID_UTF8");
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("injections")
	void sqlInjectionStringsAreData(String document, Map<String, Object> variables, String expectedCode) {
		Response response = router.post(document, variables, TestTokens.forUser("5"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(code(response)).as(response.body()).isEqualTo(expectedCode);
		assertNoLeak(response);
	}

	static List<Arguments> injections() {
		String page = "query($s: String) { products(first: 5, filter: { search: $s }) { edges { node { id } } } }";
		return List.of(Arguments.of(page, Map.of("s", "' OR 1=1 --"), null), Arguments.of(page, Map.of("s", "%"), null),
				Arguments.of(page, Map.of("s", "x'); DROP TABLE product; --"), null),
				Arguments.of("query($s: String!) { productBySku(sku: $s) { id } }", Map.of("s", "x' OR '1'='1"), null),
				Arguments.of("query($id: ID!) { product(id: $id) { id } }", Map.of("id", "1 OR 1=1"), "BAD_USER_INPUT"),
				Arguments.of("query($id: ID!) { user(id: $id) { id } }", Map.of("id", "1; DROP TABLE users"),
						"BAD_USER_INPUT"),
				Arguments.of("query($id: ID!) { order(id: $id) { id } }", Map.of("id", "1' --"), "BAD_USER_INPUT"));
	}

	@Test
	void searchWildcardsAndQuotesMatchNothingAndTablesSurvive() {
		String page = "query($s: String) { products(first: 5, filter: { search: $s }) { edges { node { id } } } }";
		for (String search : List.of("%", "_", "' OR 1=1 --", "x'); DROP TABLE product; --")) {
			Response response = router.post(page, Map.of("s", search), null);
			assertThat(response.data().path("products").path("edges")).as(search).isEmpty();
		}
		Response all = router.post(page, Map.of("s", "item"), null);
		assertThat(all.data().path("products").path("edges")).hasSize(5);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badTokens")
	void badTokensAreRefusedBeforeExecution(String kind, String token, int status) {
		Response response = router.post("{ me { id email } }", Map.of(), token);
		assertRefused(response, status, "UNAUTHENTICATED");
		assertThat(response.json().has("data")).isFalse();
	}

	@Test
	void anotherAuthorizationSchemeIsUnauthenticated() {
		Response response = router.postRaw("application/json",
				"{\"query\":\"{ me { id } }\"}".getBytes(StandardCharsets.UTF_8), "Authorization", "Basic dTU6cHc=");
		assertRefused(response, 401, "UNAUTHENTICATED");
		assertThat(response.json().has("data")).isFalse();
	}

	static List<Arguments> badTokens() {
		return List.of(Arguments.of("expired", TestTokens.expired("5"), 401),
				Arguments.of("forged", TestTokens.forged("5", "orders:read users:read:email"), 401),
				Arguments.of("garbage", "not-a-jwt", 401));
	}

	@Test
	void anotherUsersEmailIsForbiddenAndTheRestOfTheUserSurvives() {
		String query = "{ user(id: \"6\") { id name email } }";
		Response other = router.post(query, Map.of(), TestTokens.forUser("5"));
		assertRefused(other, 200, "FORBIDDEN");
		assertThat(other.data().path("user").path("id").asString()).isEqualTo("6");
		assertThat(other.data().path("user").path("email").isNull()).isTrue();
		assertThat(other.body()).doesNotContain("@example");
		Response anonymous = router.post(query);
		assertRefused(anonymous, 200, "UNAUTHENTICATED");
		assertThat(anonymous.body()).doesNotContain("@example");
		Response self = router.post(query, Map.of(), TestTokens.forUser("6"));
		assertThat(self.data().path("user").path("email").asString()).contains("@");
	}

	@Test
	void anotherBuyersOrderIsForbiddenByIdAndThroughTheirOrderHistory() {
		String orderId = placeOrderThrough(router, "81");
		Response byId = router.post("{ order(id: \"" + orderId + "\") { id total { amount } buyer { id } } }", Map.of(),
				TestTokens.forUser("82"));
		assertRefused(byId, 200, "FORBIDDEN");
		assertThat(byId.data().path("order").isNull()).isTrue();
		Response history = router.post("{ user(id: \"81\") { id orders(first: 10) { edges { node { id } } } } }",
				Map.of(), TestTokens.forUser("82"));
		assertRefused(history, 200, "FORBIDDEN");
		assertThat(history.body()).doesNotContain("\"" + orderId + "\"");
		Response support = router.post("{ order(id: \"" + orderId + "\") { id buyer { id } } }", Map.of(),
				TestTokens.forUser("99", "orders:read"));
		assertThat(support.data().path("order").path("buyer").path("id").asString()).isEqualTo("81");
	}

	/** Place an order of one product with the trusted {@code PlaceOrder} document. */
	static String placeOrderThrough(GraphQlHttpClient client, String buyer) {
		Map<String, Object> input = Map.of("idempotencyKey", UUID.randomUUID().toString(), "items",
				List.of(Map.of("productId", "4", "quantity", 1)));
		Response placed = client.post(ProductionRouterAdversarialIT.document("PlaceOrder"), Map.of("input", input),
				TestTokens.forUser(buyer));
		String id = placed.data().path("placeOrder").path("order").path("id").asString();
		assertThat(id).as(placed.body()).isNotBlank();
		return id;
	}

}
