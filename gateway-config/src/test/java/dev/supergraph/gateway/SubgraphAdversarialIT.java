package dev.supergraph.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static dev.supergraph.gateway.Hostile.assertNoLeak;
import static dev.supergraph.gateway.Hostile.assertRefused;
import static dev.supergraph.gateway.Hostile.code;
import static dev.supergraph.gateway.Hostile.reason;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile operations and bodies sent straight to the subgraphs with a valid router
 * signature, as a compromised or misconfigured router would forward them: the subgraphs'
 * own limits, request checks and input handling hold without any help from the router.
 * After every case all three subgraphs still serve.
 */
class SubgraphAdversarialIT {

	static final JsonMapper json = JsonMapper.builder().build();

	static final String ORDER_ENTITIES = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id total { amount } buyer { id } } } }";

	static final String USER_EMAIL_ENTITIES = "query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id email } } }";

	static final String USER_ORDERS_ENTITIES = "query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id orders(first: 10) { edges { node { id } } } } } }";

	static final String STOCK_ENTITIES = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { inStock } } }";

	static final String PRODUCT_ENTITIES = "query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id sku name } } }";

	static Supergraph supergraph;

	static GraphQlHttpClient catalog;

	@BeforeAll
	static void subgraphs() {
		supergraph = Supergraph.get();
		catalog = supergraph.subgraphClient("catalog");
	}

	@AfterEach
	void subgraphsKeepServing() {
		assertSubgraphsServe(supergraph);
	}

	/** All three subgraphs answer a valid signed operation. */
	static void assertSubgraphsServe(Supergraph supergraph) {
		Response product = supergraph.subgraphClient("catalog").post("{ product(id: \"1\") { sku } }");
		assertThat(product.data().path("product").path("sku").asString()).as(product.body()).isEqualTo("SKU-00001");
		Response user = supergraph.subgraphClient("users").post("{ user(id: \"1\") { id name } }");
		assertThat(user.data().path("user").path("id").asString()).as(user.body()).isEqualTo("1");
		Response orders = supergraph.subgraphClient("orders")
			.post(USER_ORDERS_ENTITIES, representations("User", "1"), TestTokens.forUser("1"));
		assertThat(orders.data().path("_entities").path(0).path("id").asString()).as(orders.body()).isEqualTo("1");
		Response stock = supergraph.subgraphClient("inventory")
			.post(STOCK_ENTITIES, representations("Product", "1"), null);
		assertThat(stock.data().path("_entities").path(0).path("inStock").asBoolean()).as(stock.body()).isTrue();
	}

	@Test
	void representationsOverTheBodyLimitAreRefusedWithStatus413() {
		Map<String, Object> body = Map.of("query", PRODUCT_ENTITIES, "variables",
				Map.of("r", productRepresentations(20_000)));
		Response response = catalog.postRaw("application/json", json.writeValueAsBytes(body));
		assertRefused(response, 413, "BAD_USER_INPUT");
	}

	@Test
	void thousandRepresentationsCostOneStatement() {
		int before = supergraph.sqlStatements().get("catalog");
		Response response = catalog.post(PRODUCT_ENTITIES, Map.of("r", productRepresentations(1000)), null);
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		assertThat(response.data().path("_entities")).hasSize(1000);
		assertThat(supergraph.sqlStatements().get("catalog") - before).isEqualTo(1);
	}

	@Test
	void aliasOverloadingIsStoppedByTheTokenLimit() {
		Response response = catalog.post(Hostile.aliases(500, "product(id: \"1\") { id name }"));
		assertRefused(response, 400, "QUERY_TOO_COMPLEX");
		assertThat(response.json().has("data")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "NESTED_ALIASES", "ROOT_FIELDS" })
	void aliasesAndRootFieldsWithinTheTokenLimitAreTooComplex(String kind) {
		String query = kind.equals("NESTED_ALIASES") ? "{ product(id: \"1\") " + Hostile.aliases(200, "sku") + " }"
				: "{ " + "categories { id } ".repeat(60) + "}";
		Response response = catalog.post(query);
		assertRefused(response, 400, "QUERY_TOO_COMPLEX");
		assertThat(response.json().has("data")).isFalse();
	}

	@Test
	void aliasedPagesAddUpToTooComplex() {
		Response response = catalog.post(Hostile.aliases(40, Hostile.NESTED_PAGES));
		assertRefused(response, 400, "QUERY_TOO_COMPLEX");
		assertThat(response.body()).doesNotContain("SKU-");
	}

	@Test
	void duplicateDirectivesAreAValidationError() {
		Response response = catalog
			.post("{ categories { id @include(if: true) @include(if: true) @include(if: true) } }");
		assertRefused(response, 400, "BAD_USER_INPUT");
		assertThat(response.json().has("data")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "REPEATED_ON_ONE_FIELD", "MANY_DIRECTIVES" })
	void directiveOverloadingIsTooComplex(String kind) {
		String query = kind.equals("MANY_DIRECTIVES") ? Hostile.directives(1000)
				: "{ categories { id " + "@include(if: true) ".repeat(500) + "} }";
		Response response = catalog.post(query);
		assertRefused(response, 400, "QUERY_TOO_COMPLEX");
		assertThat(response.json().has("data")).isFalse();
	}

	@Test
	void deepNestingIsTooComplex() {
		Response response = catalog.post(Hostile.DEEP);
		assertRefused(response, 400, "QUERY_TOO_COMPLEX");
		assertThat(response.json().has("data")).isFalse();
	}

	@Test
	void circularFragmentsAreBadUserInput() {
		assertRefused(catalog.post(Hostile.CIRCULAR_FRAGMENTS), 400, "BAD_USER_INPUT");
	}

	@Test
	void hugePagesAreRefused() {
		assertRefused(catalog.post(Hostile.HUGE_PAGE), 400, "QUERY_TOO_COMPLEX");
		Response overMaximum = catalog.post("{ products(first: 101) { edges { node { id } } } }");
		assertRefused(overMaximum, 200, "BAD_USER_INPUT");
		assertThat(overMaximum.body()).doesNotContain("SKU-");
	}

	@Test
	void batchedRequestArraysAreRefused() {
		byte[] batch = "[{\"query\":\"{ categories { id } }\"},{\"query\":\"{ categories { id } }\"}]"
			.getBytes(StandardCharsets.UTF_8);
		assertRefused(catalog.postRaw("application/json", batch), 400, "BAD_USER_INPUT");
	}

	@Test
	void oversizedBodyIsRefusedWithStatus413() {
		assertRefused(catalog.postRaw("application/json", Hostile.oversized(70 * 1024)), 413, "BAD_USER_INPUT");
	}

	@Test
	void oversizedChunkedBodyIsRefusedWithStatus413() {
		URI endpoint = supergraph.subgraph("catalog").uri("/graphql");
		assertRefused(Hostile.postChunked(endpoint, Hostile.oversized(70 * 1024)), 413, "BAD_USER_INPUT");
	}

	@Test
	void deeplyNestedJsonIsBadUserInput() {
		assertRefused(catalog.postRaw("application/json", Hostile.nestedJson(5000)), 400, "BAD_USER_INPUT");
	}

	@Test
	void malformedJsonIsBadUserInput() {
		assertRefused(catalog.postRaw("application/json", "{\"query\": \"{ products ".getBytes()), 400,
				"BAD_USER_INPUT");
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
			"application/xml", "application/graphql" })
	void nonJsonContentTypesAreUnsupported(String contentType) {
		Response response = catalog.postRaw(contentType, "{\"query\":\"{ categories { id } }\"}".getBytes());
		assertRefused(response, 415, "BAD_USER_INPUT");
	}

	@Test
	void getIsNotAllowed() {
		assertRefused(catalog.get("?query=%7Bcategories%7Bid%7D%7D"), 405, "BAD_USER_INPUT");
	}

	@Test
	void invalidUtf8IsBadUserInput() {
		byte[] body = Hostile.invalidUtf8("{\"query\":\"{ productBySku(sku: \\\"SKU-INVALID\\\") { id } }\"}");
		Response response = catalog.postRaw("application/json", body);
		assertRefused(response, 400, "BAD_USER_INPUT");
		assertThat(reason(response)).isEqualTo("INVALID_UTF8");
	}

	@ParameterizedTest(name = "{0} {2}")
	@MethodSource("injections")
	void sqlInjectionStringsAreData(String subgraph, String document, Map<String, Object> variables,
			@Nullable String expectedCode) {
		Response response = supergraph.subgraphClient(subgraph)
			.post(document, variables, TestTokens.forUser("5", "orders:read"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(code(response)).as(response.body()).isEqualTo(expectedCode);
		assertThat(response.body()).doesNotContain("SKU-");
		assertNoLeak(response);
	}

	static List<Arguments> injections() {
		String page = "query($s: String) { products(first: 5, filter: { search: $s }) { edges { node { sku } } } }";
		return List.of(Arguments.of("catalog", page, Map.of("s", "' OR 1=1 --"), null),
				Arguments.of("catalog", page, Map.of("s", "%' UNION SELECT sku FROM product --"), null),
				Arguments.of("catalog", "query($s: String!) { productBySku(sku: $s) { sku } }",
						Map.of("s", "SKU-00001' OR '1'='1"), null),
				Arguments.of("catalog", "query($id: ID!) { product(id: $id) { sku } }", Map.of("id", "1 OR 1=1"),
						"BAD_USER_INPUT"),
				Arguments.of("users", "query($id: ID!) { user(id: $id) { id } }",
						Map.of("id", "1); DELETE FROM users; --"), "BAD_USER_INPUT"),
				Arguments.of("orders", "query($id: ID!) { order(id: $id) { id } }", Map.of("id", "-1 OR buyer_id > 0"),
						"BAD_USER_INPUT"),
				Arguments.of("catalog", PRODUCT_ENTITIES,
						Map.of("r", List.of(Map.of("__typename", "Product", "sku", "' OR ''='"))), null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.supergraph.gateway.RouterAdversarialIT#badTokens")
	void badTokensAreUnauthenticatedWithStatus401(String kind, String token, int routerStatus) {
		Response response = catalog.post("{ categories { id } }", Map.of(), token);
		assertRefused(response, 401, "UNAUTHENTICATED");
		assertThat(response.json().has("data")).isFalse();
	}

	@Test
	void unknownFieldsAreRefusedWithoutSuggestions() {
		Response response = catalog.post(Hostile.MISSPELT);
		assertRefused(response, 400, "BAD_USER_INPUT");
		assertThat(response.body()).doesNotContain("products");
	}

	static Map<String, Object> representations(String type, String id) {
		return Map.of("r", List.of(Map.of("__typename", type, "id", id)));
	}

	static List<Map<String, String>> productRepresentations(int count) {
		return IntStream.rangeClosed(1, count)
			.mapToObj((i) -> Map.of("__typename", "Product", "id", String.valueOf(i)))
			.toList();
	}

}
