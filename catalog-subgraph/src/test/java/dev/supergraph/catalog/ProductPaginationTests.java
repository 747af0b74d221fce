package dev.supergraph.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SubgraphTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code products} and {@code Category.products} as a client pages through them, and as a
 * careless or hostile client does: a cursor continues only the list it came from, and
 * every page says whether rows follow it, an empty one too.
 */
@SubgraphTest
class ProductPaginationTests {

	static final String PAGE = """
			query($first: Int, $after: String, $filter: ProductFilter) {
			  products(first: $first, after: $after, filter: $filter) {
			    edges { cursor node { id } }
			    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
			  }
			}""";

	static final String CATEGORY_PAGES = """
			query($first: Int, $after: String) {
			  categories { id products(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	GraphQlHttpClient client;

	@BeforeEach
	void client() {
		this.client = GraphQlHttpClient.forPort(this.port);
	}

	@Test
	void firstZeroHasNoEdgesAndSaysWhetherProductsFollow() {
		String name = insertProducts(2);
		Map<String, Object> byName = Map.of("search", name);
		assertThat(page(0, null, byName).toString()).isEqualTo(emptyPage(true));
		JsonNode both = page(2, null, byName);
		assertThat(ids(both)).hasSize(2);
		assertThat(both.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
		assertThat(page(0, endCursor(both), byName).toString()).isEqualTo(emptyPage(false));
		assertThat(page(0, both.path("pageInfo").path("startCursor").asString(), byName).toString())
			.isEqualTo(emptyPage(true));
		JsonNode categories = ok(CATEGORY_PAGES, Map.of("first", 0)).path("categories");
		assertThat(categories).hasSize(36);
		categories.forEach((category) -> {
			assertThat(category.path("products").path("edges")).isEmpty();
			assertThat(category.path("products").path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
		});
	}

	@Test
	void aPageEndingAtTheLastProductHasNoNextPageAndThePageAfterItIsEmpty() {
		Map<String, Object> byName = Map.of("search", insertProducts(3));
		JsonNode first = page(2, null, byName);
		assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
		JsonNode last = page(1, endCursor(first), byName);
		assertThat(ids(last)).hasSize(1);
		assertThat(last.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
		assertThat(page(5, endCursor(last), byName).toString()).isEqualTo(emptyPage(false));
	}

	@Test
	void aCursorOfADeletedProductContinuesAfterIt() {
		Map<String, Object> byName = Map.of("search", insertProducts(3));
		List<String> all = ids(page(3, null, byName));
		JsonNode first = page(1, null, byName);
		this.jdbc.sql("delete from product where id = ?").param(Long.parseLong(all.get(0))).update();
		assertThat(ids(page(2, endCursor(first), byName))).isEqualTo(all.subList(1, 3));
	}

	@Test
	void aCursorContinuesOnlyTheFieldAndFilterItCameFrom() {
		Map<String, Object> category3 = Map.of("categoryId", "3");
		String cursor = endCursor(page(2, null, category3));
		assertThat(ids(page(2, cursor, category3))).containsExactly("75", "111");
		Map<String, Object> alsoNull = new HashMap<>(category3);
		alsoNull.put("search", null);
		assertThat(ids(page(2, cursor, alsoNull))).containsExactly("75", "111");
		for (Map<String, Object> other : List.of(Map.<String, Object>of(), Map.<String, Object>of("categoryId", "4"),
				Map.<String, Object>of("categoryId", "3", "inStock", true),
				Map.<String, Object>of("categoryId", "3", "search", "a"))) {
			assertRefused(this.client.post(PAGE, variables(2, cursor, other), null));
		}
		String ofCategory = ok(CATEGORY_PAGES, Map.of("first", 1)).path("categories")
			.get(0)
			.path("products")
			.path("pageInfo")
			.path("endCursor")
			.asString();
		assertRefused(this.client.post(PAGE, variables(2, ofCategory, null), null));
		String ofProducts = endCursor(page(1, null, null));
		assertRefused(this.client.post(CATEGORY_PAGES, Map.of("first", 1, "after", ofProducts), null));
		for (String forged : List.of(base64("Query.users:4"), base64("id:04"), base64("Query.products:04"),
				ofProducts.replace("=", ""), "", base64(""), base64("Query.products:-4"),
				base64("Query.products:99999999999999999999"))) {
			assertRefused(this.client.post(PAGE, variables(2, forged, null), null));
		}
	}

	@Test
	void aCursorOfACategoryPageContinuesEveryCategoryAfterItsProduct() {
		JsonNode categories = ok(CATEGORY_PAGES, Map.of("first", 1, "after", base64("Category.products:40")))
			.path("categories");
		assertThat(categories.get(0).path("products").path("edges").get(0).path("node").path("id").asString())
			.isEqualTo("73");
		assertThat(categories.get(3).path("products").path("edges").get(0).path("node").path("id").asString())
			.isEqualTo("76");
	}

	@Test
	void aCursorTheReleaseBeforeIssuedContinuesEveryListAfterItsProduct() {
		// id:72 and id:40 as the release before wrote its cursors, before they named
		// their
		// list: a client paging during a rolling deploy goes on where it was
		String after72 = "aWQ6NzI=";
		String after40 = "aWQ6NDA=";
		assertThat(page(3, after72, null).toString()).isEqualTo(page(3, base64("Query.products:72"), null).toString());
		assertThat(ids(page(3, after72, null))).containsExactly("73", "74", "75");
		Map<String, Object> category3 = Map.of("categoryId", "3");
		JsonNode firstTwo = page(2, null, category3);
		String firstOfCategory3 = ids(firstTwo).get(0);
		assertThat(page(1, base64("id:" + firstOfCategory3), category3).path("edges").get(0).toString())
			.isEqualTo(firstTwo.path("edges").get(1).toString());
		JsonNode categories = ok(CATEGORY_PAGES, Map.of("first", 1, "after", after40)).path("categories");
		assertThat(categories.toString()).isEqualTo(
				ok(CATEGORY_PAGES, Map.of("first", 1, "after", base64("Category.products:40"))).path("categories")
					.toString());
	}

	/** Products named after one fresh word, found by searching for it, in id order. */
	private String insertProducts(int count) {
		String name = "Pager " + UUID.randomUUID();
		for (int n = 0; n < count; n++) {
			this.jdbc
				.sql("insert into product (sku, name, price_amount, price_currency, category_id, weight_grams)"
						+ " values (?, ?, 1.00, 'EUR', 1, 10)")
				.params("PAGER-" + UUID.randomUUID().toString().substring(0, 8), name)
				.update();
		}
		return name;
	}

	private JsonNode page(int first, @Nullable String after, @Nullable Map<String, Object> filter) {
		return ok(PAGE, variables(first, after, filter)).path("products");
	}

	private JsonNode ok(String document, Map<String, Object> variables) {
		Response response = this.client.post(document, variables, null);
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		return response.data();
	}

	private static Map<String, Object> variables(int first, @Nullable String after,
			@Nullable Map<String, Object> filter) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("first", first);
		variables.put("after", after);
		variables.put("filter", filter);
		return variables;
	}

	private static void assertRefused(Response response) {
		assertThat(response.firstErrorCode()).as(response.body()).isEqualTo("BAD_USER_INPUT");
		assertThat(response.json().path("errors").get(0).path("message").asString())
			.isEqualTo("Invalid cursor, or a cursor of another list or filter.");
	}

	/** A page without edges, as JSON. */
	private static String emptyPage(boolean hasNextPage) {
		return "{\"edges\":[],\"pageInfo\":{\"hasNextPage\":" + hasNextPage
				+ ",\"hasPreviousPage\":false,\"startCursor\":null,\"endCursor\":null}}";
	}

	private static String endCursor(JsonNode connection) {
		return connection.path("pageInfo").path("endCursor").asString();
	}

	private static List<String> ids(JsonNode connection) {
		List<String> ids = new ArrayList<>();
		connection.path("edges").forEach((edge) -> ids.add(edge.path("node").path("id").asString()));
		return ids;
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
