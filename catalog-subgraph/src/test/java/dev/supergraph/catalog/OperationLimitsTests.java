package dev.supergraph.catalog;

import java.util.List;
import java.util.Map;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SubgraphTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape limits of the starter over real HTTP, with their defaults: a hostile
 * operation is refused with HTTP 400 and {@code QUERY_TOO_COMPLEX} before validation and
 * execution, while the router's query plans pass.
 */
@SubgraphTest
class OperationLimitsTests {

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
	void hundredAliasesAreServed() {
		Response response = this.client.post("{ product(id: \"1\") " + aliases(100, "sku") + " }");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().has("errors")).isFalse();
		assertThat(response.data().path("product").size()).isEqualTo(100);
		assertThat(response.data().path("product").path("a99").asString()).isEqualTo("SKU-00001");
	}

	@Test
	void moreThanHundredAliasesAreTooComplex() {
		Response response = this.client.post("{ product(id: \"1\") " + aliases(101, "sku") + " }");
		assertTooComplex(response, "The operation has 101 aliases; the maximum is 100.");
	}

	@Test
	void aliasesInsideFragmentsCountOncePerSpread() {
		String fragment = "fragment Skus on Product " + aliases(30, "sku");
		Response response = this.client.post("{ product(id: \"1\") { ...Skus ...Skus ...Skus ...Skus } } " + fragment);
		assertTooComplex(response, "The operation has 120 aliases; the maximum is 100.");
	}

	@Test
	void pagesSelectedThroughAFragmentAddUpToTooComplex() {
		// Hive's Rust query planner sends repeated selections as one fragment: each page
		// of 100 products with a page of 10 of their category's costs 2401, so twenty of
		// them are over the limit of 20,000 however they are written.
		String pages = aliases(20, "products(first: 100) { ...Rows }");
		Response response = this.client.post(pages + " fragment Rows on ProductConnection { edges { node { "
				+ "category { products(first: 10) { edges { node { id } } } } } } }");
		assertThat(response.firstErrorCode()).as(response.body()).isEqualTo("QUERY_TOO_COMPLEX");
		assertThat(response.body()).doesNotContain("\"node\"");
	}

	@Test
	void pagesWithoutFirstCostTheTwentyRowsTheyServe() {
		// 50 categories (assumed) x 20 products x their category's 20 products: 44,100
		String nested = "{ categories { products { edges { node { category { products%s { edges { node { id } } } "
				+ "} } } } } }";
		Response response = this.client.post(nested.formatted(""));
		assertTooComplex(response, "The operation has complexity 44,100; the maximum is 20,000.");
		Response small = this.client.post(nested.formatted("(first: 1)"));
		assertThat(small.json().has("errors")).as(small.body()).isFalse();
		assertThat(small.data().path("categories").get(0).path("products").path("edges")).hasSize(20);
	}

	@Test
	void aFragmentSpreadDeeperThanItsFirstUseIsTooDeep() {
		// The same fragment first at depth 1, then under four more levels: 14 levels
		// deep.
		String deep = "fragment Deep on Product { category { products { edges { node { category { products "
				+ "{ edges { node { id } } } } } } } } }";
		Response response = this.client.post("{ a: product(id: \"1\") { ...Deep } b: product(id: \"1\") "
				+ "{ category { products { edges { node { ...Deep } } } } } } " + deep);
		assertThat(response.firstErrorCode()).as(response.body()).isEqualTo("QUERY_TOO_COMPLEX");
	}

	@Test
	void pagesWithTheirSizeInlinedAddUpToTooComplex() {
		Response response = this.client.post(aliases(20,
				"products(first: 100) { edges { node { category { products(first: 10) { edges { node { id } } } } } } }"));
		assertThat(response.firstErrorCode()).as(response.body()).isEqualTo("QUERY_TOO_COMPLEX");
	}

	@Test
	void moreThanFiftyRootFieldsAreTooComplex() {
		Response response = this.client.post("{ " + "categories { id } ".repeat(51) + "}");
		assertTooComplex(response, "The operation selects 51 root fields; the maximum is 50.");
	}

	@Test
	void repeatedDirectivesAreTooComplexBeforeValidation() {
		Response response = this.client.post("{ categories { id " + "@include(if: true) ".repeat(300) + "} }");
		assertTooComplex(response, "A field of the operation carries 300 directives; the maximum is 10.");
	}

	@Test
	void twoRepeatedDirectivesAreAnOrdinaryValidationError() {
		Response response = this.client.post("{ categories { id @include(if: true) @include(if: true) } }");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.firstErrorCode()).isEqualTo("BAD_USER_INPUT");
	}

	@Test
	void batchedRouterEntityFetchesPassTheLimits() {
		String plan = "query($_0_r: [_Any!]!, $_1_r: [_Any!]!) { "
				+ "_0__entities: _entities(representations: $_0_r) { __typename ... on Product { id sku } } "
				+ "_1__entities: _entities(representations: $_1_r) { __typename ... on Category { id name } } }";
		Map<String, Object> variables = Map.of("_0_r", List.of(Map.of("__typename", "Product", "id", "1")), "_1_r",
				List.of(Map.of("__typename", "Category", "id", "1")));
		Response response = this.client.post(plan, variables, null);
		assertThat(response.json().has("errors")).as(response.body()).isFalse();
		assertThat(response.data().path("_0__entities").get(0).path("sku").asString()).isEqualTo("SKU-00001");
		assertThat(response.data().path("_1__entities").get(0).path("name").asString()).isNotBlank();
	}

	static String aliases(int count, String field) {
		StringBuilder document = new StringBuilder("{ ");
		for (int i = 0; i < count; i++) {
			document.append("a").append(i).append(": ").append(field).append(' ');
		}
		return document.append('}').toString();
	}

	private static void assertTooComplex(Response response, String message) {
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().has("data")).isFalse();
		assertThat(response.json().path("errors")).hasSize(1);
		assertThat(response.firstErrorCode()).isEqualTo("QUERY_TOO_COMPLEX");
		assertThat(response.json().path("errors").get(0).path("message").asString()).isEqualTo(message);
		assertThat(response.json().path("errors").get(0).path("extensions").path("requestId").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception", "at org.", "at dev.", "graphql.", "trace");
	}

}
