package dev.supergraph.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.supergraph.catalog.cache.CatalogCache;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SqlStatementCounter;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog's read cache over HTTP against real PostgreSQL: repeated reads cost no SQL,
 * and every mutation is visible to the very next read.
 */
@SubgraphTest
class CatalogReadCacheTests {

	static final String PAGE = """
			query($first: Int, $after: String, $filter: ProductFilter) {
			  products(first: $first, after: $after, filter: $filter) {
			    edges { node { id sku name price { amount } category { id name } } }
			  }
			}""";

	static final String PRODUCT = "query($id: ID!) { product(id: $id) { id sku price { amount } } }";

	static final String ENTITIES = """
			query($representations: [_Any!]!) {
			  _entities(representations: $representations) { ... on Product { id sku price { amount } } }
			}""";

	static final String CATEGORY_PAGES = """
			query($after: String) { categories { id products(first: 100, after: $after) { edges { node { sku } } } } }""";

	static final String CREATE = """
			mutation($input: CreateProductInput!) {
			  createProduct(input: $input) { product { id sku } userErrors { code } }
			}""";

	static final String UPDATE_PRICE = """
			mutation($input: UpdateProductPriceInput!) {
			  updateProductPrice(input: $input) { product { price { amount } } userErrors { code } }
			}""";

	static final String LISTED = """
			product { price { amount } category { products(first: 1, after: $after) { edges { node { price { amount } } } } } }
			""";

	static final String TWO_PRICE_CHANGES = """
			mutation($id: ID!, $after: String) {
			  first: updateProductPrice(input: { productId: $id, price: { amount: "11.10", currency: "EUR" } }) { %1$s }
			  second: updateProductPrice(input: { productId: $id, price: { amount: "22.20", currency: "EUR" } }) { %1$s }
			}"""
		.formatted(LISTED);

	static final String WRITER = TestTokens.forUser("901", "catalog:write");

	@LocalServerPort
	int port;

	@Autowired
	SqlStatementCounter statements;

	@Autowired
	CatalogCache cache;

	@Autowired
	MeterRegistry registry;

	GraphQlHttpClient client;

	@BeforeEach
	void coldCache() {
		this.client = GraphQlHttpClient.forPort(this.port);
		this.cache.invalidate();
	}

	@Test
	void aRepeatedProductPageCostsNoSqlAndAColdOneWhatTheUncachedPathCosts() {
		Map<String, Object> variables = Map.of("first", 20, "filter", Map.of("categoryId", "5"));
		assertThat(statementsFor(PAGE, variables)).isEqualTo(2);
		assertThat(statementsFor(PAGE, variables)).isZero();
	}

	@Test
	void productByIdAndEntitiesShareCachedProducts() {
		assertThat(statementsFor(ENTITIES, Map.of("representations", representations(1, 20)))).isEqualTo(1);
		assertThat(statementsFor(PRODUCT, Map.of("id", "7"))).isZero();
		assertThat(statementsFor(ENTITIES, Map.of("representations", representations(11, 30)))).isEqualTo(1);
		assertThat(statementsFor(ENTITIES, Map.of("representations", representations(1, 30)))).isZero();
	}

	@Test
	void cacheMetricsCountHitsAndMisses() {
		double hits = gets("hit");
		double misses = gets("miss");
		this.client.post(PRODUCT, Map.of("id", "8"), null);
		this.client.post(PRODUCT, Map.of("id", "8"), null);
		assertThat(gets("miss") - misses).isEqualTo(1);
		assertThat(gets("hit") - hits).isEqualTo(1);
	}

	@Test
	void updatedPriceIsTheNextReadsAnswerEverywhere() {
		String id = create(uniqueSku(), "4");
		read(PRODUCT, Map.of("id", id));
		read(ENTITIES, Map.of("representations", List.of(Map.of("__typename", "Product", "id", id))));
		Response updated = this.client.post(UPDATE_PRICE,
				Map.of("input", Map.of("productId", id, "price", Map.of("amount", "77.70", "currency", "EUR"))),
				WRITER);
		assertThat(updated.data().path("updateProductPrice").path("userErrors")).isEmpty();

		assertThat(read(PRODUCT, Map.of("id", id)).path("product").path("price").path("amount").asString())
			.isEqualTo("77.70");
		JsonNode entities = read(ENTITIES,
				Map.of("representations", List.of(Map.of("__typename", "Product", "id", id))));
		assertThat(entities.path("_entities").get(0).path("price").path("amount").asString()).isEqualTo("77.70");
	}

	@Test
	void createdProductIsInTheNextPageAndCategoryListing() {
		String sku = uniqueSku();
		String search = sku.toLowerCase();
		Map<String, Object> byName = Map.of("first", 10, "filter", Map.of("categoryId", "6", "search", search));
		Map<String, Object> afterSeed = Map.of("after", cursor(5000));
		assertThat(read(PAGE, byName).path("products").path("edges")).isEmpty();
		assertThat(read(CATEGORY_PAGES, afterSeed).findValuesAsString("sku")).doesNotContain(sku);

		create(sku, "6");

		assertThat(read(PAGE, byName).path("products").path("edges").findValuesAsString("sku")).containsExactly(sku);
		assertThat(read(CATEGORY_PAGES, afterSeed).findValuesAsString("sku")).contains(sku);
	}

	@Test
	void eachMutationOfAnOperationReadsWhatTheMutationsBeforeItWrote() {
		String id = create(uniqueSku(), "7");
		Response response = this.client.post(TWO_PRICE_CHANGES,
				Map.of("id", id, "after", cursor(Long.parseLong(id) - 1)), WRITER);
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		for (String field : List.of("first", "second")) {
			JsonNode product = response.data().path(field).path("product");
			String listed = product.path("category")
				.path("products")
				.path("edges")
				.get(0)
				.path("node")
				.path("price")
				.path("amount")
				.asString();
			assertThat(listed).as(field).isEqualTo(product.path("price").path("amount").asString());
		}
		assertThat(read(PRODUCT, Map.of("id", id)).path("product").path("price").path("amount").asString())
			.isEqualTo("22.20");
	}

	@Test
	void aRefusedMutationChangesNothingAndReadsStayCorrect() {
		Map<String, Object> variables = Map.of("id", "9");
		String price = read(PRODUCT, variables).path("product").path("price").path("amount").asString();
		Response refused = this.client.post(UPDATE_PRICE,
				Map.of("input", Map.of("productId", "9", "price", Map.of("amount", "1.00", "currency", "EUR"))),
				TestTokens.forUser("902"));
		assertThat(refused.firstErrorCode()).isEqualTo("FORBIDDEN");
		assertThat(read(PRODUCT, variables).path("product").path("price").path("amount").asString()).isEqualTo(price);
	}

	private int statementsFor(String document, Map<String, Object> variables) {
		this.statements.reset();
		read(document, variables);
		return this.statements.statements();
	}

	private JsonNode read(String document, Map<String, Object> variables) {
		Response response = this.client.post(document, variables, null);
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		return response.data();
	}

	private String create(String sku, String categoryId) {
		Response created = this.client.post(CREATE,
				Map.of("input",
						Map.of("sku", sku, "name", "Cache probe " + sku, "price",
								Map.of("amount", "10.00", "currency", "EUR"), "categoryId", categoryId, "weightGrams",
								100, "stockQuantity", 1)),
				WRITER);
		assertThat(created.data().path("createProduct").path("userErrors")).as(created.body()).isEmpty();
		return created.data().path("createProduct").path("product").path("id").asString();
	}

	private double gets(String result) {
		var counter = this.registry.find("cache.gets")
			.tag("cache", "catalog.products")
			.tag("result", result)
			.functionCounter();
		return (counter != null) ? counter.count() : 0;
	}

	private static List<Map<String, Object>> representations(int from, int to) {
		return java.util.stream.IntStream.rangeClosed(from, to)
			.mapToObj((id) -> Map.<String, Object>of("__typename", "Product", "id", String.valueOf(id)))
			.toList();
	}

	/**
	 * The cursor of a product in {@code Category.products}, which continues every
	 * category after it.
	 */
	private static String cursor(long id) {
		return Base64.getEncoder().encodeToString(("Category.products:" + id).getBytes(StandardCharsets.UTF_8));
	}

	private static String uniqueSku() {
		return "CACHE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

}
