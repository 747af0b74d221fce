package dev.supergraph.inventory;

import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;

import dev.supergraph.inventory.catalog.CatalogStock;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock of a product the inventory has no row for, when the catalog is down, slower
 * than {@code inventory.catalog.timeout} or answers errors: {@code SERVICE_UNAVAILABLE}
 * for that product's stock fields, within the timeout, and nothing recorded; the products
 * the inventory holds answer as usual, and the next request after the catalog is back
 * takes the product over.
 */
@TestPropertySource(properties = "inventory.catalog.timeout=" + CatalogUnavailableTests.TIMEOUT_MILLIS + "ms")
class CatalogUnavailableTests extends CatalogLinkedTests {

	static final long TIMEOUT_MILLIS = 500;

	@AfterEach
	void catalogUp() {
		this.catalog.mode(CatalogLink.Mode.FORWARD);
	}

	@ParameterizedTest
	@EnumSource(value = CatalogLink.Mode.class, names = { "DOWN", "STALL", "ERRORS" })
	void aSickCatalogIsServiceUnavailableForTheProductsItWasAskedAbout(CatalogLink.Mode mode) {
		String id = RunningCatalog.createProduct(5);
		this.catalog.mode(mode);
		long started = System.nanoTime();
		Response response = stock(id, "3");
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		// connect and read timeouts, each TIMEOUT_MILLIS at most, well under
		// CatalogLink's stall
		assertThat(took).isLessThan(Duration.ofMillis(2 * TIMEOUT_MILLIS + 1_000));
		assertThat(response.status()).isEqualTo(200);
		JsonNode errors = response.json().path("errors");
		assertThat(errors.findValuesAsString("code")).containsOnly("SERVICE_UNAVAILABLE");
		assertThat(errors.get(0).path("message").asString()).contains("catalog")
			.doesNotContain("127.0.0.1")
			.doesNotContain("Exception");
		assertThat(errors.get(0).path("path").get(0).asString()).isEqualTo("_entities");
		assertThat(errors.get(0).path("path").get(1).asInt()).isZero();
		JsonNode products = response.data().path("_entities");
		assertThat(products.get(0).isNull()).isTrue();
		assertThat(products.get(1).path("inStock").asBoolean()).isTrue();
		assertThat(products.get(1).path("stockQuantity").asInt()).isEqualTo(40);
		assertThat(this.jdbc.queryForObject("select count(*) from stock where product_id = ?", Integer.class,
				Long.valueOf(id)))
			.isZero();
	}

	@Test
	void aCatalogThatFailsIsNotAskedAgainForTheRestOfTheRequest() {
		// more products than one call takes, none of them known here
		String[] ids = LongStream.range(0, CatalogStock.MAX_PRODUCTS_PER_CALL + 1)
			.mapToObj((n) -> String.valueOf(700_000_000 + n))
			.toArray(String[]::new);
		this.catalog.mode(CatalogLink.Mode.DOWN);
		int calls = this.catalog.calls();
		Response response = stock(ids);
		// one call's timeouts at most, whatever the number of products
		assertThat(this.catalog.calls()).isEqualTo(calls + 1);
		assertThat(response.json().path("errors").findValuesAsString("code")).containsOnly("SERVICE_UNAVAILABLE");
		assertThat(response.data().path("_entities")).hasSize(ids.length).allMatch(JsonNode::isNull);
	}

	@Test
	void theNextRequestAfterTheCatalogIsBackTakesTheProductOver() {
		String id = RunningCatalog.createProduct(5);
		this.catalog.mode(CatalogLink.Mode.DOWN);
		assertThat(stock(id).firstErrorCode()).isEqualTo("SERVICE_UNAVAILABLE");
		this.catalog.mode(CatalogLink.Mode.FORWARD);
		Response response = stock(id);
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		assertThat(response.data().path("_entities").get(0).path("stockQuantity").asInt()).isEqualTo(5);
		assertThat(response.data().path("_entities").get(0).path("inStock").asBoolean()).isTrue();
	}

	@Test
	void theOutageIsExplainedInTheCallersLanguage() {
		String id = RunningCatalog.createProduct(5);
		this.catalog.mode(CatalogLink.Mode.DOWN);
		Response german = GraphQlHttpClient.forPort(this.port)
			.signedWith(RunningCatalog.ROUTER_SECRET)
			.postWithHeaders(StockEntitiesTests.STOCK, Map.of("r", StockEntitiesTests.products(id)),
					Map.of("Authorization", "Bearer " + TestTokens.forUser("1", "inventory:read"), "Accept-Language",
							"de-DE,de;q=0.9,en;q=0.5"));
		assertThat(german.firstErrorCode()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(german.json().path("errors").path(0).path("message").asString()).isEqualTo(
				"Der Bestand dieses Produkts konnte nicht vom Katalog übernommen werden. Bitte versuchen Sie es später erneut.");
		assertThat(stock(id).json().path("errors").path(0).path("message").asString())
			.isEqualTo("The stock of this product could not be taken over from the catalog. Retry later.");
	}

	private Response stock(String... ids) {
		return GraphQlHttpClient.forPort(this.port)
			.signedWith(RunningCatalog.ROUTER_SECRET)
			.post(StockEntitiesTests.STOCK, Map.of("r", StockEntitiesTests.products(ids)),
					TestTokens.forUser("1", "inventory:read"));
	}

}
