package dev.supergraph.catalog;

import java.util.List;
import java.util.Map;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import dev.supergraph.starter.test.release.RecordReleaseStatements;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read and write path of the catalog over HTTP, so that
 * {@code src/test/resources/release/statements.json} is exactly the SQL this release
 * issues (docs/migrations.md). Without the cache, so that each path reaches the database.
 */
@SubgraphTest
@TestPropertySource(properties = "catalog.cache.enabled=false")
class CatalogReleaseStatementsTests {

	@RegisterExtension
	static RecordReleaseStatements release = new RecordReleaseStatements();

	private static final String PRODUCT_FIELDS = "id sku name description price { amount currency } "
			+ "category { id name } weightGrams inStock";

	@LocalServerPort
	int port;

	GraphQlHttpClient client;

	@BeforeEach
	void client() {
		this.client = GraphQlHttpClient.forPort(this.port);
	}

	@Test
	void productByIdAndBySku() {
		Response response = post("{ product(id: \"1\") { " + PRODUCT_FIELDS + " } productBySku(sku: \"SKU-00002\") { "
				+ PRODUCT_FIELDS + " } }", Map.of(), null);
		assertThat(response.data().path("productBySku").path("id").asString()).isEqualTo("2");
	}

	@Test
	void productPagesWithAndWithoutFilters() {
		Response first = post(
				"{ products(first: 2) { edges { node { " + PRODUCT_FIELDS + " } } pageInfo { endCursor } } }", Map.of(),
				null);
		assertThat(first.data().path("products").path("edges")).hasSize(2);
		String filter = """
				query($after: String) {
				  products(first: 2, after: $after, filter: { categoryId: "3", search: "a", inStock: true }) {
				    edges { node { id } } pageInfo { endCursor } } }""";
		String after = post(filter, Map.of(), null).data()
			.path("products")
			.path("pageInfo")
			.path("endCursor")
			.asString();
		Response filtered = post(filter, Map.of("after", after), null);
		assertThat(filtered.data().path("products").path("edges").isArray()).isTrue();
	}

	@Test
	void categoriesWithTheirProductPages() {
		Response response = post(
				"{ categories { id name products(first: 2) { edges { node { id category { id } } } } } }", Map.of(),
				null);
		assertThat(response.data().path("categories")).hasSize(36);
	}

	@Test
	void entitiesOfProductsByIdAndSkuAndOfCategories() {
		List<Map<String, String>> representations = List.of(Map.of("__typename", "Product", "id", "1"),
				Map.of("__typename", "Product", "sku", "SKU-00002"), Map.of("__typename", "Category", "id", "3"));
		Response response = post(
				"""
						query($r: [_Any!]!) { _entities(representations: $r) {
						  ... on Product { id name } ... on Category { id name products(first: 1) { edges { node { id } } } } } }""",
				Map.of("r", representations), null);
		assertThat(response.data().path("_entities")).hasSize(3);
	}

	@Test
	void createProductWithAndWithoutUserErrors() {
		String create = """
				mutation($input: CreateProductInput!) {
				  createProduct(input: $input) { product { id } userErrors { code } } }""";
		String writer = TestTokens.forUser("900", "catalog:write");
		Response created = post(create, Map.of("input", input("REL-00001", "3")), writer);
		assertThat(created.data().path("createProduct").path("product").path("id").isString()).isTrue();
		Response taken = post(create, Map.of("input", input("SKU-00001", "3")), writer);
		assertThat(taken.data().path("createProduct").path("userErrors").get(0).path("code").asString())
			.isEqualTo("SKU_TAKEN");
		Response unknownCategory = post(create, Map.of("input", input("REL-00002", "999")), writer);
		assertThat(unknownCategory.data().path("createProduct").path("userErrors").get(0).path("code").asString())
			.isEqualTo("CATEGORY_NOT_FOUND");
	}

	@Test
	void updateProductPriceOfAnExistingAndAMissingProduct() {
		String create = """
				mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } } }""";
		String update = """
				mutation($input: UpdateProductPriceInput!) {
				  updateProductPrice(input: $input) { product { id } userErrors { code } } }""";
		String writer = TestTokens.forUser("900", "catalog:write");
		Map<String, String> price = Map.of("amount", "1.00", "currency", "EUR");
		// its own product: the seeded ones keep their prices for the other tests of this
		// context
		String id = post(create, Map.of("input", input("REL-00003", "3")), writer).data()
			.path("createProduct")
			.path("product")
			.path("id")
			.asString();
		Response updated = post(update, Map.of("input", Map.of("productId", id, "price", price)), writer);
		assertThat(updated.data().path("updateProductPrice").path("product").path("id").asString()).isEqualTo(id);
		Response missing = post(update, Map.of("input", Map.of("productId", "987654", "price", price)), writer);
		assertThat(missing.data().path("updateProductPrice").path("userErrors").get(0).path("code").asString())
			.isEqualTo("PRODUCT_NOT_FOUND");
	}

	private Response post(String document, Map<String, ?> variables, @Nullable String token) {
		Response response = this.client.post(document, variables, token);
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		return response;
	}

	private static Map<String, Object> input(String sku, String categoryId) {
		return Map.of("sku", sku, "name", "Release " + sku, "description", "Recorded", "price",
				Map.of("amount", "2.50", "currency", "EUR"), "categoryId", categoryId, "weightGrams", 100,
				"stockQuantity", 1);
	}

}
