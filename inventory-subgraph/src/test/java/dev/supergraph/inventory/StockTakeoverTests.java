package dev.supergraph.inventory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A product created in the catalog after the inventory was seeded answers the same
 * {@code inStock} from both subgraphs: the inventory, which has no stock row for it, asks
 * the real catalog (a signed call over real HTTP) and records the answer as its own row.
 */
class StockTakeoverTests extends CatalogLinkedTests {

	@BeforeEach
	void catalogUp() {
		this.catalog.mode(CatalogLink.Mode.FORWARD);
	}

	@Test
	void aProductCreatedAfterTheSeedAnswersTheCatalogsStockAndIsRecorded() {
		String inStock = RunningCatalog.createProduct(5);
		String soldOut = RunningCatalog.createProduct(0);
		int calls = this.catalog.calls();
		JsonNode products = stock(inStock, soldOut, "3");
		assertThat(products).hasSize(3);
		assertProduct(products.get(0), inStock, true, 5);
		assertProduct(products.get(1), soldOut, false, 0);
		assertProduct(products.get(2), "3", true, 40);
		assertThat(RunningCatalog.inStock(inStock)).isTrue();
		assertThat(RunningCatalog.inStock(soldOut)).isFalse();
		assertThat(this.catalog.calls()).isEqualTo(calls + 1);
		assertThat(recorded(inStock, soldOut)).containsExactly(5, 0);
	}

	@Test
	void aRecordedProductIsAnsweredWithoutTheCatalog() {
		String id = RunningCatalog.createProduct(7);
		stock(id);
		int calls = this.catalog.calls();
		this.catalog.mode(CatalogLink.Mode.DOWN);
		assertProduct(stock(id).get(0), id, true, 7);
		assertThat(this.catalog.calls()).isEqualTo(calls);
	}

	@Test
	void aProductTheCatalogDoesNotKnowIsOutOfStockAndNotRecorded() {
		assertProduct(stock("900000").get(0), "900000", false, 0);
		assertThat(recorded("900000")).isEmpty();
	}

	@Test
	void theCatalogServesItsStockOnlyToASignedCall() {
		Response unsigned = new GraphQlHttpClient(RunningCatalog.url()).post(
				"query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { catalogStockQuantity } } }",
				Map.of("r", StockEntitiesTests.products("3")), null);
		assertThat(unsigned.status()).isEqualTo(403);
		assertThat(unsigned.body()).doesNotContain("catalogStockQuantity");
	}

	private JsonNode stock(String... ids) {
		Response response = GraphQlHttpClient.forPort(this.port)
			.signedWith(RunningCatalog.ROUTER_SECRET)
			.post(StockEntitiesTests.STOCK, Map.of("r", StockEntitiesTests.products(ids)),
					TestTokens.forUser("1", "inventory:read"));
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		return response.data().path("_entities");
	}

	private List<Integer> recorded(String... ids) {
		return this.jdbc.queryForList("select quantity from stock where product_id = any(?) order by product_id",
				Integer.class, (Object) Arrays.stream(ids).map(Long::valueOf).toArray(Long[]::new));
	}

	private static void assertProduct(JsonNode product, String id, boolean inStock, int quantity) {
		assertThat(product.path("id").asString()).isEqualTo(id);
		assertThat(product.path("inStock").asBoolean()).as(product.toString()).isEqualTo(inStock);
		assertThat(product.path("stockQuantity").asInt()).as(product.toString()).isEqualTo(quantity);
	}

}
