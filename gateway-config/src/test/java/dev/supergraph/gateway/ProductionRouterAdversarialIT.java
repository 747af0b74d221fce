package dev.supergraph.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.supergraph.gateway.Hostile.assertNoLeak;
import static dev.supergraph.gateway.Hostile.assertRefused;
import static dev.supergraph.gateway.Hostile.code;
import static dev.supergraph.gateway.Hostile.reason;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests to the router in production mode, as the internet sends them: only
 * trusted documents run, so every crafted document is refused before planning; what
 * remains is hostile variables, bodies, headers and tokens. Clients that reach execution
 * use their own token subject, so the rate limit of one case never throttles another.
 */
class ProductionRouterAdversarialIT {

	static final JsonMapper json = JsonMapper.builder().build();

	static final AtomicInteger subjects = new AtomicInteger(900_000);

	static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	static GraphQlHttpClient router;

	static URI routerUri;

	@BeforeAll
	static void router() {
		routerUri = Supergraph.get().productionRouter().uri("/graphql");
		router = new GraphQlHttpClient(routerUri);
	}

	@AfterEach
	void routerKeepsServing() {
		Response response = trusted("ProductBySku", Map.of("sku", "SKU-00001"), freshClient());
		assertThat(response.data().path("productBySku").path("id").asString()).as(response.body()).isEqualTo("1");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("craftedDocuments")
	void craftedDocumentsAreRefusedAsUntrusted(String attack, String document) {
		Response response = router.post(document, Map.of(), freshClient());
		assertRefused(response, 400, "BAD_USER_INPUT");
		assertThat(reason(response)).isEqualTo("PERSISTED_QUERY_ONLY");
		assertThat(response.json().path("data").isMissingNode()).isTrue();
	}

	static List<Arguments> craftedDocuments() {
		return List.of(Arguments.of("alias overloading", Hostile.aliases(200, "product(id: \"1\") { id }")),
				Arguments.of("directive overloading", Hostile.directives(500)),
				Arguments.of("deep nesting", Hostile.DEEP),
				Arguments.of("circular fragments", Hostile.CIRCULAR_FRAGMENTS),
				Arguments.of("introspection", Hostile.INTROSPECTION),
				Arguments.of("field suggestion probe", Hostile.MISSPELT),
				Arguments.of("type probe", "{ __type(name: \"User\") { fields { name } } }"),
				Arguments.of("trusted text plus one space", document("ProductBySku") + " "));
	}

	@Test
	void unknownDocumentIdIsRefused() {
		Response response = post(Map.of("documentId", "0".repeat(64)), freshClient());
		assertRefused(response, 400, "BAD_USER_INPUT");
		assertThat(reason(response)).isEqualTo("PERSISTED_QUERY_NOT_IN_LIST");
	}

	@Test
	void hundredThousandItemPageOfATrustedDocumentIsTooComplex() {
		Response response = trusted("ProductPage", Map.of("first", 100_000), freshClient());
		// the router's cost limit (router/cost-estimate.mjs), before the catalog is asked
		assertRefused(response, 400, "QUERY_TOO_COMPLEX");
		assertThat(response.body()).doesNotContain("SKU-");
	}

	@Test
	void nestedListsOverTheCostLimitAreTooComplex() {
		// 1000 orders with up to 50 items each: refused at the orders subgraph request
		Response response = trusted("UserOrders", Map.of("userId", "5", "first", 1000), TestTokens.forUser("5"));
		assertRefused(response, 400, "QUERY_TOO_COMPLEX");
		JsonNode cost = response.json().path("errors").path(0).path("extensions").path("cost");
		assertThat(cost.path("max").asInt()).isPositive();
		assertThat(cost.path("estimated").asInt()).isGreaterThan(cost.path("max").asInt());
		assertThat(response.body()).doesNotContain("SKU-", "\"edges\"");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("largestPages")
	void referenceOperationsAtTheLargestPageFitTheCostLimit(String operation, Map<String, Object> variables) {
		Response response = trusted(operation, variables, TestTokens.forUser("5"));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(code(response)).as(response.body()).isNull();
		assertNoLeak(response);
	}

	static List<Arguments> largestPages() {
		return List.of(Arguments.of("ProductPage", Map.of("first", 100)),
				Arguments.of("CategoryProducts", Map.of("first", 100)), Arguments.of("MyOrders", Map.of("first", 100)),
				Arguments.of("UserOrders", Map.of("userId", "5", "first", 100)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("injections")
	void sqlInjectionVariablesOfTrustedDocumentsAreData(String operation, Map<String, Object> variables,
			@Nullable String expectedCode) {
		Response response = trusted(operation, variables, TestTokens.forUser("5"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(code(response)).as(response.body()).isEqualTo(expectedCode);
		assertNoLeak(response);
	}

	static List<Arguments> injections() {
		return List.of(
				Arguments.of("ProductPage", Map.of("first", 5, "filter", Map.of("search", "' OR '1'='1' --")), null),
				Arguments.of("ProductBySku", Map.of("sku", "SKU-00001' OR '1'='1"), null),
				Arguments.of("OrderDetail", Map.of("id", "1 UNION SELECT password FROM users"), "BAD_USER_INPUT"),
				Arguments.of("UserOrders", Map.of("userId", "5; DROP TABLE orders", "first", 5), "BAD_USER_INPUT"));
	}

	@Test
	void misspeltInputFieldInVariablesIsBadUserInputWithoutSuggestions() {
		Response response = trusted("ProductPage", Map.of("first", 1, "filter", Map.of("serch", "x")), freshClient());
		// useErrorCodes: variable coercion errors get BAD_USER_INPUT, and suggestions are
		// cut from every message in production (blockFieldSuggestions covers validation
		// only)
		assertRefused(response, 400, "BAD_USER_INPUT");
		assertThat(response.body()).contains("serch").doesNotContain("\"search\"");
	}

	@Test
	void batchedRequestArraysAreRefused() {
		String id = documentId("ProductBySku");
		byte[] batch = ("[{\"documentId\":\"" + id + "\"},{\"documentId\":\"" + id + "\"}]").getBytes();
		Response response = router.postRaw("application/json", batch);
		assertRefused(response, 400, "BAD_USER_INPUT");
		assertThat(reason(response)).isEqualTo("BATCHING_NOT_SUPPORTED");
	}

	@Test
	void oversizedBodyIsRefusedWithStatus413() {
		Response response = router.postRaw("application/json", Hostile.oversized(150 * 1024));
		assertRefused(response, 413, "BAD_USER_INPUT");
		assertThat(reason(response)).isEqualTo("BODY_TOO_LARGE");
	}

	@Test
	void chunkedBodyIsServedWithinTheSizeLimitAndRefusedWithStatus413OverIt() {
		byte[] body = ("{\"documentId\":\"" + documentId("ProductBySku") + "\",\"variables\":{\"sku\":\"SKU-00001\"}}")
			.getBytes(StandardCharsets.UTF_8);
		Response served = Hostile.postChunked(routerUri, body, "Authorization", "Bearer " + freshClient());
		assertThat(served.data().path("productBySku").path("id").asString()).as(served.body()).isEqualTo("1");
		Response oversized = Hostile.postChunked(routerUri, Hostile.oversized(150 * 1024));
		assertRefused(oversized, 413, "BAD_USER_INPUT");
		assertThat(reason(oversized)).isEqualTo("BODY_TOO_LARGE");
	}

	@Test
	void malformedJsonIsBadUserInputWithoutTheParserError() {
		Response response = router.postRaw("application/json", "{\"documentId\": \"dc17".getBytes());
		assertRefused(response, 400, "BAD_USER_INPUT");
		assertThat(response.body()).doesNotContain("originalError", "SyntaxError", "dc17");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("simpleRequests")
	void simpleRequestsWithoutTheCsrfHeaderAreRefused(String contentType, String body, int status, String reason) {
		Response response = router.postRaw(contentType, body.getBytes(StandardCharsets.UTF_8));
		assertRefused(response, status, "BAD_USER_INPUT");
		assertThat(reason(response)).isEqualTo(reason);
		assertThat(response.body()).doesNotContain("\"data\"", "SKU-");
	}

	static List<Arguments> simpleRequests() {
		String byId = "{\"documentId\":\"" + documentId("ProductBySku") + "\",\"variables\":{\"sku\":\"SKU-00001\"}}";
		return List.of(Arguments.of("text/plain", byId, 403, "CSRF_HEADER_REQUIRED"),
				Arguments.of("application/x-www-form-urlencoded", "documentId=" + documentId("ProductBySku"), 403,
						"CSRF_HEADER_REQUIRED"),
				Arguments.of("multipart/form-data; boundary=x", byId, 403, "CSRF_HEADER_REQUIRED"),
				Arguments.of("application/xml", byId, 415, "UNSUPPORTED_MEDIA_TYPE"));
	}

	@Test
	void getRequestsNeedTheCsrfHeaderAndNeverRunMutations() {
		String mutation = "?documentId=" + documentId("CancelOrder");
		Response withoutHeader = get(mutation, "application/json", false);
		assertRefused(withoutHeader, 403, "BAD_USER_INPUT");
		assertThat(reason(withoutHeader)).isEqualTo("CSRF_HEADER_REQUIRED");
		Response overGet = get(mutation, "application/json", true);
		assertRefused(overGet, 405, "BAD_USER_INPUT");
		assertThat(reason(overGet)).isEqualTo("MUTATION_OVER_GET");
	}

	@Test
	void invalidUtf8InVariablesIsRefusedNotDecodedIntoOtherText() {
		String body = "{\"documentId\":\"" + documentId("ProductBySku") + "\",\"variables\":{\"sku\":\"SKU-INVALID\"}}";
		Response response = router.postRaw("application/json", Hostile.invalidUtf8(body), "Authorization",
				"Bearer " + freshClient());
		assertRefused(response, 400, "BAD_USER_INPUT");
		assertThat(reason(response)).isEqualTo("INVALID_UTF8");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.supergraph.gateway.RouterAdversarialIT#badTokens")
	void badTokensAreRefusedBeforeExecution(String kind, String token, int status) {
		Response response = trusted("MyOrders", Map.of(), token);
		assertRefused(response, status, "UNAUTHENTICATED");
		assertThat(response.body()).doesNotContain("\"data\"");
	}

	@Test
	void anotherBuyersOrderIsForbiddenAndAnonymousHistoryUnauthenticated() {
		String orderId = RouterAdversarialIT.placeOrderThrough(router, "83");
		Response foreign = trusted("OrderDetail", Map.of("id", orderId), TestTokens.forUser("84"));
		assertRefused(foreign, 200, "FORBIDDEN");
		assertThat(foreign.data().path("order").isNull()).isTrue();
		Response anonymous = trusted("MyOrders", Map.of(), null);
		assertRefused(anonymous, 200, "UNAUTHENTICATED");
		assertThat(anonymous.data().path("me").isNull()).isTrue();
	}

	@Test
	void clientOverTheRateLimitIsRateLimitedWithARetryHintWhileOthersAreServed() {
		String greedy = freshClient();
		for (int i = 0; i < Supergraph.PRODUCTION_RATE_LIMIT; i++) {
			Response allowed = trusted("ProductBySku", Map.of("sku", "SKU-00002"), greedy);
			assertThat(code(allowed)).as(allowed.body()).isNull();
		}
		HttpResponse<String> raw = send(trustedRequest("ProductBySku", Map.of("sku", "SKU-00002"), greedy));
		Response limited = new Response(raw.statusCode(), raw.body());
		assertThat(limited.status()).as(limited.body()).isEqualTo(429);
		assertThat(raw.headers().firstValue("Retry-After")).hasValue("60");
		assertThat(code(limited)).isEqualTo("RATE_LIMITED");
		assertThat(limited.json().path("errors").path(0).path("extensions").has("http")).isFalse();
		assertThat(limited.json().path("errors").path(0).path("extensions").path("retryAfterSeconds").asInt())
			.isEqualTo(60);
		assertThat(limited.body()).doesNotContain("SKU-");
		assertNoLeak(limited);
		Response other = trusted("ProductBySku", Map.of("sku", "SKU-00002"), freshClient());
		assertThat(other.data().path("productBySku").path("id").asString()).as(other.body()).isEqualTo("2");
	}

	@Test
	void noGraphiQlPageIsServed() {
		Response page = get("", "text/html", true);
		assertThat(page.status()).isEqualTo(406);
		assertThat(page.body()).doesNotContainIgnoringCase("<html");
	}

	static Response trusted(String operation, Map<String, ?> variables, @Nullable String token) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("documentId", documentId(operation));
		body.put("variables", variables);
		return post(body, token);
	}

	static Response post(Map<String, ?> body, @Nullable String token) {
		byte[] bytes = json.writeValueAsBytes(body);
		return (token != null) ? router.postRaw("application/json", bytes, "Authorization", "Bearer " + token)
				: router.postRaw("application/json", bytes);
	}

	/** The request {@link #trusted} sends, for a test that needs the response headers. */
	static HttpRequest trustedRequest(String operation, Map<String, ?> variables, String token) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("documentId", documentId(operation));
		body.put("variables", variables);
		return HttpRequest.newBuilder(routerUri)
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json, application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
			.build();
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Response get(String query, String accept, boolean csrfHeader) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(routerUri + query)).header("Accept", accept);
		if (csrfHeader) {
			request.header("x-graphql-csrf", "1");
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A token of a subject no other request uses, so rate limits never carry over. */
	static String freshClient() {
		return TestTokens.forUser(String.valueOf(subjects.incrementAndGet()));
	}

	static String documentId(String operation) {
		return Hostile.sha256(document(operation));
	}

	static String document(String operation) {
		try {
			return Files.readString(Path.of("operations", operation + ".graphql"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
