package dev.supergraph.inventory;

import java.util.Map;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids the catalog does not know (made up, or of products deleted there) cost one catalog
 * call per {@code inventory.catalog.unknown-product-ttl}, however often a client repeats
 * them, and a product the catalog creates after its id was asked about is taken over once
 * that period has passed. Counted at {@link CatalogLink}, on the way to the real catalog.
 */
@TestPropertySource(properties = "inventory.catalog.unknown-product-ttl=" + UnknownProductsTests.TTL_MILLIS + "ms")
class UnknownProductsTests extends CatalogLinkedTests {

	static final long TTL_MILLIS = 1_500;

	@BeforeEach
	void catalogUp() {
		// started now, so that its start does not run into the inventory's call timeout
		RunningCatalog.url();
		this.catalog.mode(CatalogLink.Mode.FORWARD);
	}

	@Test
	void repeatedUnknownIdsCostOneCatalogCallPerTtl() throws InterruptedException {
		int calls = this.catalog.calls();
		for (int request = 0; request < 5; request++) {
			JsonNode products = stock("910000001", "910000002", "3");
			assertOutOfStock(products.get(0), "910000001");
			assertOutOfStock(products.get(1), "910000002");
			assertThat(products.get(2).path("stockQuantity").asInt()).isEqualTo(40);
		}
		assertThat(this.catalog.calls()).isEqualTo(calls + 1);
		// a new unknown id next to remembered ones is asked about alone
		stock("910000001", "910000003");
		assertThat(this.catalog.calls()).isEqualTo(calls + 2);
		Thread.sleep(TTL_MILLIS + 200);
		assertOutOfStock(stock("910000001").get(0), "910000001");
		assertThat(this.catalog.calls()).isEqualTo(calls + 3);
	}

	@Test
	void aProductCreatedAfterItsIdWasAskedAboutIsTakenOverWithinTheTtl() throws InterruptedException {
		long id = 920_000_001;
		assertOutOfStock(stock(String.valueOf(id)).get(0), String.valueOf(id));
		RunningCatalog.insertProduct(id, 6);
		int calls = this.catalog.calls();
		assertOutOfStock(stock(String.valueOf(id)).get(0), String.valueOf(id));
		assertThat(this.catalog.calls()).isEqualTo(calls);
		Thread.sleep(TTL_MILLIS + 200);
		JsonNode product = stock(String.valueOf(id)).get(0);
		assertThat(product.path("inStock").asBoolean()).as(product.toString()).isTrue();
		assertThat(product.path("stockQuantity").asInt()).isEqualTo(6);
		assertThat(this.catalog.calls()).isEqualTo(calls + 1);
		assertThat(this.jdbc.queryForObject("select quantity from stock where product_id = ?", Integer.class, id))
			.isEqualTo(6);
	}

	@Test
	void aCatalogThatFailedIsAskedAgainAtTheNextRequest() {
		this.catalog.mode(CatalogLink.Mode.DOWN);
		int calls = this.catalog.calls();
		assertThat(stockResponse("930000001").firstErrorCode()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(stockResponse("930000001").firstErrorCode()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(this.catalog.calls()).isEqualTo(calls + 2);
	}

	private JsonNode stock(String... ids) {
		Response response = stockResponse(ids);
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		return response.data().path("_entities");
	}

	private Response stockResponse(String... ids) {
		return GraphQlHttpClient.forPort(this.port)
			.signedWith(RunningCatalog.ROUTER_SECRET)
			.post(StockEntitiesTests.STOCK, Map.of("r", StockEntitiesTests.products(ids)),
					TestTokens.forUser("1", "inventory:read"));
	}

	private static void assertOutOfStock(JsonNode product, String id) {
		assertThat(product.path("id").asString()).isEqualTo(id);
		assertThat(product.path("inStock").asBoolean()).as(product.toString()).isFalse();
		assertThat(product.path("stockQuantity").asInt()).as(product.toString()).isZero();
	}

}
