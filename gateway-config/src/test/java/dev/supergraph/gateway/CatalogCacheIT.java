package dev.supergraph.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.supergraph.gateway.ReferenceOperationsIT.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog's read cache seen through the real router: repeated public reads (pages,
 * products, the {@code _entities} the router fetches for orders) cost the catalog no SQL,
 * every catalog mutation is the next read's answer, and what belongs to a caller is never
 * shared.
 */
class CatalogCacheIT {

	static final String WRITER = TestTokens.forUser("5", "catalog:write");

	static Supergraph supergraph;

	@BeforeAll
	static void supergraph() {
		supergraph = Supergraph.get();
		ReferenceOperationsIT.router = supergraph.router();
	}

	@BeforeEach
	void coldCache() {
		supergraph.invalidateCatalogCache();
	}

	@Test
	void aRepeatedProductPageIsServedFromTheCache() {
		Map<String, Object> variables = Map.of("first", 20, "filter", Map.of("categoryId", "9"));
		assertThat(catalogStatementsFor("ProductPage", variables, null)).isEqualTo(2);
		assertThat(catalogStatementsFor("ProductPage", variables, null)).isZero();
		// A signed-in caller gets the same public page from the same entry.
		assertThat(catalogStatementsFor("ProductPage", variables, TestTokens.forUser("31"))).isZero();
	}

	@Test
	void aChangedPriceIsTheNextAnswerOfProductReadsPagesAndOrderEntities() {
		String sku = uniqueSku();
		String id = create(sku, "8");
		String buyer = "33";
		String token = TestTokens.forUser(buyer);
		String orderId = ok("PlaceOrder",
				Map.of("input",
						Map.of("idempotencyKey", UUID.randomUUID().toString(), "items",
								List.of(Map.of("productId", id, "quantity", 1)))),
				token)
			.data()
			.path("placeOrder")
			.path("order")
			.path("id")
			.asString();
		Map<String, Object> bySku = Map.of("sku", sku);
		Map<String, Object> page = Map.of("first", 5, "filter", Map.of("search", sku.toLowerCase()));
		ok("ProductBySku", bySku, null);
		ok("ProductPage", page, null);
		ok("OrderDetail", Map.of("id", orderId), token);
		assertThat(catalogStatementsFor("ProductBySku", bySku, null)).isZero();
		assertThat(catalogStatementsFor("OrderDetail", Map.of("id", orderId), token)).isZero();

		JsonNode updated = mutate(UPDATE_PRICE,
				Map.of("input", Map.of("productId", id, "price", Map.of("amount", "66.60", "currency", "EUR"))),
				WRITER);
		assertThat(updated.path("updateProductPrice").path("userErrors")).isEmpty();

		assertThat(ok("ProductBySku", bySku, null).data().path("productBySku").path("price").path("amount").asString())
			.isEqualTo("66.60");
		assertThat(ok("ProductPage", page, null).data().findValuesAsString("amount")).containsExactly("66.60");
		JsonNode item = ok("OrderDetail", Map.of("id", orderId), token).data().path("order").path("items").get(0);
		assertThat(item.path("product").path("price").path("amount").asString()).isEqualTo("66.60");
		assertThat(item.path("unitPrice").path("amount").asString()).isEqualTo("10.00");
	}

	@Test
	void aCreatedProductIsInTheNextPageAndCategoryListing() {
		String sku = uniqueSku();
		Map<String, Object> page = Map.of("first", 5, "filter",
				Map.of("categoryId", "12", "search", sku.toLowerCase()));
		Map<String, Object> afterSeed = Map.of("first", 100, "after", cursor(5000));
		assertThat(ok("ProductPage", page, null).data().findValuesAsString("sku")).isEmpty();
		assertThat(ok("CategoryProducts", afterSeed, null).data().findValuesAsString("name"))
			.doesNotContain("Cache probe " + sku);

		create(sku, "12");

		assertThat(ok("ProductPage", page, null).data().findValuesAsString("sku")).containsExactly(sku);
		assertThat(ok("CategoryProducts", afterSeed, null).data().findValuesAsString("name"))
			.contains("Cache probe " + sku);
	}

	@Test
	void eachCallerSeesOnlyTheirOwnPrivateData() {
		for (int round = 0; round < 2; round++) {
			for (String user : List.of("41", "42")) {
				JsonNode me = ok("MyOrders", Map.of("first", 5), TestTokens.forUser(user)).data().path("me");
				assertThat(me.path("id").asString()).isEqualTo(user);
				assertThat(me.path("email").asString()).isEqualTo(seededEmail(user));
			}
		}
		// Nothing of a caller is cached: the same private query costs the same SQL again.
		Map<String, Integer> first = statementsFor("MyOrders", TestTokens.forUser("41"));
		Map<String, Integer> again = statementsFor("MyOrders", TestTokens.forUser("41"));
		assertThat(again).isEqualTo(first);
		assertThat(again.get("users")).isPositive();
		assertThat(ReferenceOperationsIT.send("MyOrders", Map.of(), null).firstErrorCode())
			.isEqualTo("UNAUTHENTICATED");
	}

	static final String UPDATE_PRICE = """
			mutation UpdateProductPrice($input: UpdateProductPriceInput!) {
			  updateProductPrice(input: $input) { product { id price { amount } } userErrors { code } }
			}""";

	static final String CREATE = """
			mutation CreateProduct($input: CreateProductInput!) {
			  createProduct(input: $input) { product { id sku } userErrors { code } }
			}""";

	/**
	 * A mutation through the router (dev mode takes any document), answered without
	 * errors.
	 */
	private static JsonNode mutate(String document, Map<String, ?> variables, String token) {
		var response = supergraph.router().post(document, variables, token);
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		return response.data();
	}

	private static String create(String sku, String categoryId) {
		JsonNode created = mutate(CREATE, Map.of("input",
				Map.of("sku", sku, "name", "Cache probe " + sku, "price", Map.of("amount", "10.00", "currency", "EUR"),
						"categoryId", categoryId, "weightGrams", 250, "stockQuantity", 10)),
				WRITER)
			.path("createProduct");
		assertThat(created.path("userErrors")).isEmpty();
		return created.path("product").path("id").asString();
	}

	private static int catalogStatementsFor(String operation, Map<String, ?> variables, String token) {
		int before = supergraph.sqlStatements().get("catalog");
		ok(operation, variables, token);
		return supergraph.sqlStatements().get("catalog") - before;
	}

	private static Map<String, Integer> statementsFor(String operation, String token) {
		Map<String, Integer> before = supergraph.sqlStatements();
		ok(operation, Map.of("first", 5), token);
		Map<String, Integer> after = supergraph.sqlStatements();
		return Map.of("users", after.get("users") - before.get("users"), "orders",
				after.get("orders") - before.get("orders"), "catalog", after.get("catalog") - before.get("catalog"));
	}

	/** The seed's rule for user emails (docs/seed-data.md). */
	private static String seededEmail(String user) {
		return "user" + user + "@example.com";
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
