package dev.supergraph.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import dev.supergraph.starter.test.UserErrorCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code createProduct} and {@code updateProductPrice} over HTTP with real tokens: scope
 * {@code catalog:write} enforced from the schema, input problems as {@code userErrors}.
 */
@SubgraphTest
class CatalogMutationTests {

	private static final String CREATE = """
			mutation($input: CreateProductInput!) {
			  createProduct(input: $input) {
			    product { id sku name price { amount currency } category { name } inStock weightGrams }
			    userErrors { code message field }
			  }
			}""";

	private static final String UPDATE_PRICE = """
			mutation($input: UpdateProductPriceInput!) {
			  updateProductPrice(input: $input) { product { id price { amount currency } } userErrors { code field } }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	GraphQlHttpClient client;

	String writer = TestTokens.forUser("900", "catalog:write");

	@BeforeEach
	void client() {
		this.client = GraphQlHttpClient.forPort(this.port);
	}

	@Test
	void createProductWithCatalogWriteScopeStoresTheProduct() {
		String sku = uniqueSku();
		Response response = this.client.post(CREATE, Map.of("input", input(sku, "19.90", "3")), this.writer);
		JsonNode product = response.data().path("createProduct").path("product");
		assertThat(response.status()).isEqualTo(200);
		assertThat(product.path("sku").asString()).isEqualTo(sku);
		assertThat(product.path("price").path("amount").asString()).isEqualTo("19.90");
		assertThat(product.path("category").path("name").asString()).isEqualTo("Bikes");
		assertThat(product.path("inStock").asBoolean()).isTrue();
		Response lookup = this.client.post("{ productBySku(sku: \"" + sku + "\") { id } }");
		assertThat(lookup.data().path("productBySku").path("id").asString()).isEqualTo(product.path("id").asString());
	}

	@Test
	void aCreatedProductsStockIsServedToTheInventoryThroughEntities() {
		Response created = this.client.post(CREATE, Map.of("input", input(uniqueSku(), "5.00", "3")), this.writer);
		String id = created.data().path("createProduct").path("product").path("id").asString();
		Response stock = this.client.post(
				"query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id catalogStockQuantity } } }",
				Map.of("r", List.of(Map.of("__typename", "Product", "id", id),
						Map.of("__typename", "Product", "id", "40"))),
				null);
		assertThat(stock.json().path("errors").isMissingNode()).as(stock.body()).isTrue();
		assertThat(stock.data().path("_entities").get(0).path("catalogStockQuantity").asInt()).isEqualTo(4);
		assertThat(stock.data().path("_entities").get(1).path("catalogStockQuantity").asInt()).isZero();
	}

	@Test
	void createProductWithoutTokenIsUnauthenticatedAndWithoutScopeForbidden() {
		String sku = uniqueSku();
		Response anonymous = this.client.post(CREATE, Map.of("input", input(sku, "1.00", "3")), null);
		assertThat(anonymous.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(anonymous.json().path("data").isNull()).isTrue();
		Response reader = this.client.post(CREATE, Map.of("input", input(sku, "1.00", "3")),
				TestTokens.forUser("901", "catalog:read"));
		assertThat(reader.firstErrorCode()).isEqualTo("FORBIDDEN");
		assertThat(
				this.client.post("{ productBySku(sku: \"" + sku + "\") { id } }").data().path("productBySku").isNull())
			.isTrue();
	}

	@Test
	void invalidInputIsReportedFieldByFieldAsUserErrors() {
		Map<String, Object> input = Map.of("sku", "bad sku", "name", "  ", "price",
				Map.of("amount", "-1.5", "currency", "euro"), "categoryId", "3", "weightGrams", -5);
		JsonNode payload = this.client.post(CREATE, Map.of("input", input), this.writer).data().path("createProduct");
		assertThat(payload.path("product").isNull()).isTrue();
		assertThat(payload.path("userErrors").findValuesAsString("code")).containsExactly("REQUIRED", "INVALID_FORMAT",
				"INVALID_FORMAT", "INVALID_FORMAT", "OUT_OF_RANGE");
		assertThat(payload.path("userErrors").get(1).path("field").toString())
			.isEqualTo("[\"input\",\"price\",\"amount\"]");
	}

	@Test
	void unknownCategoryAndTakenSkuAreUserErrors() {
		JsonNode unknown = this.client.post(CREATE, Map.of("input", input(uniqueSku(), "2.00", "999")), this.writer)
			.data()
			.path("createProduct");
		assertThat(unknown.path("userErrors").get(0).path("code").asString()).isEqualTo("CATEGORY_NOT_FOUND");
		JsonNode taken = this.client.post(CREATE, Map.of("input", input("SKU-00001", "2.00", "3")), this.writer)
			.data()
			.path("createProduct");
		assertThat(taken.path("userErrors").get(0).path("code").asString()).isEqualTo("SKU_TAKEN");
		assertThat(taken.path("userErrors").get(0).path("field").toString()).isEqualTo("[\"input\",\"sku\"]");
	}

	@Test
	void aCurrencyCodeThatNamesNoCurrencyIsAUserErrorAndNothingIsCreated() {
		String sku = uniqueSku();
		Map<String, Object> input = Map.of("sku", sku, "name", "Lamp", "price",
				Map.of("amount", "2.00", "currency", "QQQ"), "categoryId", "3", "weightGrams", 5);
		JsonNode payload = this.client.post(CREATE, Map.of("input", input), this.writer).data().path("createProduct");
		assertThat(payload.path("product").isNull()).isTrue();
		assertThat(payload.path("userErrors").get(0).path("code").asString()).isEqualTo("UNKNOWN_CURRENCY");
		assertThat(payload.path("userErrors").get(0).path("field").toString())
			.isEqualTo("[\"input\",\"price\",\"currency\"]");
		assertThat(payload.path("userErrors").get(0).path("message").asString())
			.isEqualTo("QQQ is not a currency in current use.");
		assertThat(
				this.client.post("{ productBySku(sku: \"" + sku + "\") { id } }").data().path("productBySku").isNull())
			.isTrue();
		JsonNode yen = this.client.post(CREATE, Map.of("input", input(uniqueSku(), "200", "3", "JPY")), this.writer)
			.data()
			.path("createProduct");
		assertThat(yen.path("userErrors").isEmpty()).isTrue();
		assertThat(yen.path("product").path("price").path("currency").asString()).isEqualTo("JPY");
	}

	@Test
	void updateProductPriceChangesTheCurrentPriceExactly() {
		String id = create(input(uniqueSku(), "10.00", "5")).path("product").path("id").asString();
		Response updated = this.client.post(UPDATE_PRICE,
				Map.of("input", Map.of("productId", id, "price", Map.of("amount", "0.10", "currency", "EUR"))),
				this.writer);
		assertThat(updated.data().path("updateProductPrice").path("product").path("price").path("amount").asString())
			.isEqualTo("0.10");
		Response missing = this.client.post(UPDATE_PRICE,
				Map.of("input", Map.of("productId", "987654", "price", Map.of("amount", "1", "currency", "EUR"))),
				this.writer);
		assertThat(missing.data().path("updateProductPrice").path("userErrors").get(0).path("code").asString())
			.isEqualTo("PRODUCT_NOT_FOUND");
	}

	@Test
	void aPriceIsInACurrencyOfMoneyAndNoFinerThanItsMinorUnit() {
		// ISO 4217 codes without a minor unit: no currency, testing, gold, drawing rights
		for (String code : new String[] { "XXX", "XTS", "XAU", "XDR" }) {
			JsonNode payload = create(input(uniqueSku(), "2.00", "3", code));
			assertThat(payload.path("product").isNull()).isTrue();
			assertThat(payload.path("userErrors").get(0).path("code").asString()).as(code)
				.isEqualTo("UNKNOWN_CURRENCY");
		}
		String sku = uniqueSku();
		JsonNode finer = create(input(sku, "1.50", "3", "JPY"));
		assertThat(finer.path("product").isNull()).isTrue();
		assertThat(finer.path("userErrors").toString()).isEqualTo(
				"[{\"code\":\"INVALID_FORMAT\",\"message\":\"An amount in JPY cannot have that many fraction digits.\",\"field\":[\"input\",\"price\",\"amount\"]}]");
		assertThat(
				this.client.post("{ productBySku(sku: \"" + sku + "\") { id } }").data().path("productBySku").isNull())
			.isTrue();
		// the amount as the API writes it is sent back as it came
		JsonNode whole = create(input(uniqueSku(), "200.00", "3", "JPY"));
		assertThat(whole.path("userErrors").isEmpty()).isTrue();
		String id = whole.path("product").path("id").asString();
		JsonNode changed = updatePrice(id, "3.50", "JPY");
		assertThat(changed.path("product").isNull()).isTrue();
		assertThat(changed.path("userErrors").toString())
			.isEqualTo("[{\"code\":\"INVALID_FORMAT\",\"field\":[\"input\",\"price\",\"amount\"]}]");
		assertThat(updatePrice(id, "300", "JPY").path("product").path("price").toString())
			.isEqualTo("{\"amount\":\"300.00\",\"currency\":\"JPY\"}");
	}

	@Test
	void productBySkuTrimsTheSkuAsCreateProductDoes() {
		assertThat(this.client.post("{ productBySku(sku: \"  SKU-00001\\t\") { sku } }")
			.data()
			.path("productBySku")
			.path("sku")
			.asString()).isEqualTo("SKU-00001");
	}

	@Test
	void aPriceChangeKeepsTheProductsCurrency() {
		String id = create(input(uniqueSku(), "10.00", "5")).path("product").path("id").asString();
		for (String currency : new String[] { "USD", "JPY" }) {
			JsonNode payload = updatePrice(id, "5.00", currency);
			assertThat(payload.path("product").isNull()).isTrue();
			assertThat(payload.path("userErrors").toString())
				.isEqualTo("[{\"code\":\"CURRENCY_MISMATCH\",\"field\":[\"input\",\"price\",\"currency\"]}]");
		}
		JsonNode price = this.client.post("{ product(id: \"" + id + "\") { price { amount currency } } }")
			.data()
			.path("product")
			.path("price");
		assertThat(price.toString()).isEqualTo("{\"amount\":\"10.00\",\"currency\":\"EUR\"}");
	}

	@Test
	void currenciesInCurrentUseAndTheEdgesOfAnAmountAreAccepted() {
		Map<String, String> accepted = Map.of("XCG", "2.00", "ZWG", "2.00", "SLE", "2.00", "VED", "2.00", "KWD", "1.25",
				"JPY", "200.00", "USD", "9999999999.99", "GBP", "0");
		accepted.forEach((currency, amount) -> {
			JsonNode payload = create(input(uniqueSku(), amount, "3", currency));
			assertThat(payload.path("userErrors").isEmpty()).as(currency + " " + payload).isTrue();
			assertThat(payload.path("product").path("price").path("currency").asString()).isEqualTo(currency);
		});
		JsonNode padded = create(input(uniqueSku(), " 12.5\t", "3", " EUR\n"));
		assertThat(padded.path("product").path("price").toString())
			.isEqualTo("{\"amount\":\"12.50\",\"currency\":\"EUR\"}");
	}

	@Test
	void theSeedCatalogsCurrenciesAreInUse() {
		List<String> seeded = this.jdbc
			.queryForList("select distinct price_currency from product where sku like 'SKU-%'", String.class);
		assertThat(seeded).containsExactly("EUR");
		seeded.forEach((currency) -> assertThat(create(input(uniqueSku(), "1.00", "3", currency)).path("userErrors"))
			.as(currency)
			.isEmpty());
	}

	@ParameterizedTest(name = "{0} to {2} {3}")
	@CsvSource({ "DEM, 9.90, EUR, 5.05", "HRK, 74.50, JPY, 1500", "BGN, 19.56, KWD, 3.25" })
	void aProductStoredInAWithdrawnCurrencyReadsInItAndIsRepricedOutOfIt(String withdrawn, String amount,
			String current, String newAmount) {
		String sku = insertProduct(amount, withdrawn);
		String id = idOf(sku);
		String stored = money(amount, withdrawn);
		assertThat(readPrices(id, sku)).containsOnly(stored);
		// a new price in the withdrawn currency is refused, as createProduct refuses it
		assertThat(updatePrice(id, "5.00", withdrawn).path("userErrors").toString())
			.isEqualTo("[{\"code\":\"UNKNOWN_CURRENCY\",\"field\":[\"input\",\"price\",\"currency\"]}]");
		assertThat(UserErrorCodes.documented(this.port, "updateProductPrice")).contains("UNKNOWN_CURRENCY");
		assertThat(readPrices(id, sku)).containsOnly(stored);
		// one in a currency in current use moves the product there
		JsonNode moved = updatePrice(id, newAmount, current);
		assertThat(moved.path("userErrors").isEmpty()).as(moved.toString()).isTrue();
		String repriced = money(new BigDecimal(newAmount).setScale(2).toPlainString(), current);
		assertThat(moved.path("product").path("price").toString()).isEqualTo(repriced);
		assertThat(readPrices(id, sku)).containsOnly(repriced);
		assertThat(this.jdbc.queryForObject("select price_currency from product where sku = ?", String.class, sku))
			.isEqualTo(current);
		// from then on the product keeps its new currency
		assertThat(updatePrice(id, "5.00", "USD").path("userErrors").toString())
			.isEqualTo("[{\"code\":\"CURRENCY_MISMATCH\",\"field\":[\"input\",\"price\",\"currency\"]}]");
	}

	@Test
	void aProductLeavingAWithdrawnCurrencyTakesNoPriceFinerThanItsNewOne() {
		String sku = insertProduct("9.90", "DEM");
		assertThat(updatePrice(idOf(sku), "5.50", "JPY").path("userErrors").toString())
			.isEqualTo("[{\"code\":\"INVALID_FORMAT\",\"field\":[\"input\",\"price\",\"amount\"]}]");
		assertThat(readPrices(idOf(sku), sku)).containsOnly(money("9.90", "DEM"));
	}

	/**
	 * A product stored straight in the database, as one priced before its currency was
	 * withdrawn.
	 */
	private String insertProduct(String amount, String currency) {
		String sku = uniqueSku();
		this.jdbc.update("insert into product (sku, name, price_amount, price_currency, category_id, weight_grams) "
				+ "values (?, ?, ?, ?, 3, 100)", sku, "Old stock " + sku, new BigDecimal(amount), currency);
		return sku;
	}

	private String idOf(String sku) {
		return this.client.post("{ productBySku(sku: \"" + sku + "\") { id } }")
			.data()
			.path("productBySku")
			.path("id")
			.asString();
	}

	/**
	 * A product's price as each read answers it: by id, by SKU, as an entity (how the
	 * router and orders read prices) and in a page of products.
	 */
	private Set<String> readPrices(String id, String sku) {
		JsonNode data = this.client.post("""
				query($id: ID!, $sku: String!, $r: [_Any!]!) {
				  product(id: $id) { price { amount currency } }
				  productBySku(sku: $sku) { price { amount currency } }
				  _entities(representations: $r) { ... on Product { price { amount currency } } }
				  products(first: 1, filter: { search: $sku }) { edges { node { price { amount currency } } } }
				}""", Map.of("id", id, "sku", sku, "r", List.of(Map.of("__typename", "Product", "id", id))), null)
			.data();
		return Stream
			.of(data.path("product"), data.path("productBySku"), data.path("_entities").get(0),
					data.path("products").path("edges").get(0).path("node"))
			.map((product) -> product.path("price").toString())
			.collect(Collectors.toSet());
	}

	private static String money(String amount, String currency) {
		return "{\"amount\":\"" + amount + "\",\"currency\":\"" + currency + "\"}";
	}

	private JsonNode create(Map<String, Object> input) {
		return this.client.post(CREATE, Map.of("input", input), this.writer).data().path("createProduct");
	}

	private JsonNode updatePrice(String id, String amount, String currency) {
		return this.client
			.post(UPDATE_PRICE,
					Map.of("input", Map.of("productId", id, "price", Map.of("amount", amount, "currency", currency))),
					this.writer)
			.data()
			.path("updateProductPrice");
	}

	private static Map<String, Object> input(String sku, String amount, String categoryId) {
		return input(sku, amount, categoryId, "EUR");
	}

	private static Map<String, Object> input(String sku, String amount, String categoryId, String currency) {
		return Map.of("sku", sku, "name", "Test product " + sku, "price",
				Map.of("amount", amount, "currency", currency), "categoryId", categoryId, "weightGrams", 250,
				"stockQuantity", 4);
	}

	private static String uniqueSku() {
		return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

}
