package dev.supergraph.inventory;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import dev.supergraph.catalog.CatalogApplication;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.RunningSubgraph;
import dev.supergraph.starter.test.TestTokens;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real catalog subgraph for the inventory's stock takeover tests, with its seed catalog
 * (products 1 to 5000), started once per JVM on first use (see {@link RunningSubgraph}).
 * It accepts only requests signed with {@link #ROUTER_SECRET}, as in production, so a
 * test passes only when the inventory signs its call.
 */
final class RunningCatalog {

	/**
	 * The router secret the catalog, and the inventory of the tests that call it, use.
	 */
	static final String ROUTER_SECRET = "inventory-tests-catalog-secret-0123456789";

	private static final RunningSubgraph catalog = RunningSubgraph.of(CatalogApplication.class, "catalog",
			"classpath:db/migration", "--subgraph.security.router-secret=" + ROUTER_SECRET);

	private RunningCatalog() {
	}

	/**
	 * The GraphQL endpoint of the running catalog, started on first use.
	 * @return the URL
	 */
	static URI url() {
		return catalog.url();
	}

	/**
	 * A client of the catalog, signing its requests as the router does.
	 * @return the client
	 */
	static GraphQlHttpClient client() {
		return new GraphQlHttpClient(url()).signedWith(ROUTER_SECRET);
	}

	/**
	 * Create a product with {@code createProduct}, as a catalog editor does.
	 * @param stockQuantity its units in stock
	 * @return the new product's id
	 */
	static String createProduct(int stockQuantity) {
		String sku = "INV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		GraphQlHttpClient.Response response = client().post("""
				mutation($input: CreateProductInput!) {
				  createProduct(input: $input) { product { id } userErrors { code } }
				}""", Map.of("input",
				Map.of("sku", sku, "name", "Created " + sku, "price", Map.of("amount", "9.90", "currency", "EUR"),
						"categoryId", "3", "weightGrams", 100, "stockQuantity", stockQuantity)),
				TestTokens.forUser("900", "catalog:write"));
		String id = response.data().path("createProduct").path("product").path("id").asString();
		assertThat(id).as(response.body()).isNotEmpty();
		return id;
	}

	/**
	 * Store a product with a chosen id straight in the catalog's database, as a product
	 * the catalog creates after the inventory was asked about its id.
	 * @param id the product's id
	 * @param stockQuantity its units in stock
	 */
	static void insertProduct(long id, int stockQuantity) {
		catalog.context()
			.getBean(JdbcTemplate.class)
			.update("insert into product (id, sku, name, price_amount, price_currency, category_id, weight_grams, "
					+ "stock_quantity) values (?, ?, 'Inserted', 9.90, 'EUR', 3, 100, ?)", id, "INS-" + id,
					stockQuantity);
	}

	/**
	 * {@code inStock} of a product as the catalog answers it to the router.
	 * @param id the product's id
	 * @return the catalog's answer
	 */
	static boolean inStock(String id) {
		GraphQlHttpClient.Response response = client().post(
				"query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { inStock } } }",
				Map.of("r", StockEntitiesTests.products(id)), null);
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		return response.data().path("_entities").get(0).path("inStock").asBoolean();
	}

}
