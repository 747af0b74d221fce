package dev.supergraph.orders;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.supergraph.orders.order.ItemsDigest;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code placeOrder} over HTTP against real catalog and users subgraphs with their seed
 * data (product {@code n} costs {@code 499 + n * 7919 % 20000} euro cents and has
 * {@code 1 + n * 13 % 200} units in stock, none when {@code n} is a multiple of 10).
 * Every test has its own buyer, registered with the users subgraph unless the test is
 * about that.
 */
@SubgraphTest
class PlaceOrderTests {

	@DynamicPropertySource
	static void catalogAndUsers(DynamicPropertyRegistry registry) {
		registry.add("orders.catalog.url", RunningCatalog::url);
		registry.add("orders.users.url", RunningUsers::url);
	}

	@BeforeAll
	static void registeredBuyers() {
		IntStream.rangeClosed(10001, 10010).forEach((id) -> RunningUsers.register(String.valueOf(id)));
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	GraphQlHttpClient http;

	@BeforeEach
	void client() {
		this.http = GraphQlHttpClient.forPort(this.port);
	}

	@Test
	void placesAnOrderForTheCallerAtTheCatalogsCurrentPrices() {
		JsonNode payload = place("10001", "first-order-1", item(1, 2), item(42, 1)).data().path("placeOrder");
		assertThat(payload.path("userErrors").isEmpty()).isTrue();
		JsonNode order = payload.path("order");
		assertThat(order.path("buyer").path("id").asString()).isEqualTo("10001");
		assertThat(order.path("status").asString()).isEqualTo("PLACED");
		assertThat(order.path("total").path("amount").asString()).isEqualTo("299.33");
		assertThat(order.path("total").path("currency").asString()).isEqualTo("EUR");
		assertThat(order.path("placedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
		assertThat(lines(order)).containsExactly("1x2@84.18EUR", "42x1@130.97EUR");
		assertThat(seedPrice(1)).isEqualByComparingTo("84.18");
		assertThat(seedPrice(42)).isEqualByComparingTo("130.97");
		assertThat(ordersOf(10001)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from order_item i join orders o on o.id = i.order_id " + "where o.buyer_id = 10001",
				Integer.class))
			.isEqualTo(2);
	}

	@Test
	void thePriceSnapshotIsTheCatalogsPriceAtPlacementTime() {
		String before = place("10002", "snapshot-before", item(77, 1)).data()
			.path("placeOrder")
			.path("order")
			.path("id")
			.asString();
		GraphQlHttpClient catalog = new GraphQlHttpClient(java.net.URI.create(RunningCatalog.url()));
		GraphQlHttpClient.Response changed = catalog.post(
				"mutation { updateProductPrice(input: { productId: \"77\", price: { amount: \"9.99\", currency: \"EUR\" } }) "
						+ "{ userErrors { code } } }",
				Map.of(), TestTokens.forUser("1", "catalog:write"));
		assertThat(changed.data().path("updateProductPrice").path("userErrors").isEmpty()).isTrue();
		JsonNode after = place("10002", "snapshot-after", item(77, 2)).data().path("placeOrder").path("order");
		assertThat(after.path("total").path("amount").asString()).isEqualTo("19.98");
		JsonNode first = orderById("10002", before);
		assertThat(first.path("items").get(0).path("unitPrice").path("amount").asString())
			.isEqualTo(seedPrice(77).toPlainString());
	}

	@Test
	void everyInvalidInputIsAUserErrorWithItsFieldAndNothingIsWritten() {
		List<Map<String, Object>> fiftyOne = IntStream.rangeClosed(1, 51).mapToObj((n) -> item(n, 1)).toList();
		assertUserError(input("valid-key-1", List.of()), "INVALID_LENGTH", "input", "items");
		assertUserError(input("valid-key-2", fiftyOne), "INVALID_LENGTH", "input", "items");
		assertUserError(input("valid-key-3", List.of(item(1, 0))), "OUT_OF_RANGE", "input", "items", "0", "quantity");
		assertUserError(input("valid-key-4", List.of(item(1, 1), item(2, 101))), "OUT_OF_RANGE", "input", "items", "1",
				"quantity");
		assertUserError(input("valid-key-5", List.of(Map.of("productId", "abc", "quantity", 1))), "INVALID_FORMAT",
				"input", "items", "0", "productId");
		assertUserError(input("short", List.of(item(1, 1))), "INVALID_FORMAT", "input", "idempotencyKey");
		assertUserError(input("has spaces in it", List.of(item(1, 1))), "INVALID_FORMAT", "input", "idempotencyKey");
		assertUserError(input("k".repeat(65), List.of(item(1, 1))), "INVALID_FORMAT", "input", "idempotencyKey");
		assertUserError(input("valid-key-6", List.of(item(3, 1), item(4, 1), item(3, 2))), "DUPLICATE_PRODUCT", "input",
				"items", "2", "productId");
		assertUserError(input("valid-key-7", List.of(item(3, 1), item(999999, 1))), "PRODUCT_NOT_FOUND", "input",
				"items", "1", "productId");
		assertThat(ordersOf(10003)).isZero();
	}

	@Test
	void fiftyLinesAreAccepted() {
		List<Integer> products = IntStream.rangeClosed(101, 160).filter((n) -> n % 10 != 0).boxed().limit(50).toList();
		// as many units as the line takes, or as there are
		List<Map<String, Object>> fifty = products.stream().map((n) -> item(n, Math.min(100, seedUnits(n)))).toList();
		JsonNode order = post("10004", input("fifty-lines", fifty)).data().path("placeOrder").path("order");
		assertThat(order.path("items")).hasSize(50);
		BigDecimal expected = products.stream()
			.map((n) -> seedPrice(n).multiply(BigDecimal.valueOf(Math.min(100, seedUnits(n)))))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(new BigDecimal(order.path("total").path("amount").asString())).isEqualByComparingTo(expected);
	}

	@Test
	void theLargestOrderIsStoredWithItsExactTotal() {
		RunningUsers.register("10012");
		List<Map<String, Object>> fifty = IntStream.rangeClosed(1, 50)
			.mapToObj((n) -> item(catalogProduct("LARGEST-" + n, "9999999999.99"), 100))
			.toList();
		GraphQlHttpClient.Response response = post("10012", input("largest-order", fifty));
		assertThat(response.firstErrorCode()).as(response.body()).isNull();
		JsonNode order = response.data().path("placeOrder").path("order");
		assertThat(order.path("total").path("amount").asString()).isEqualTo("49999999999950.00");
		assertThat(this.jdbc.queryForObject("select total_amount from orders where buyer_id = 10012", BigDecimal.class))
			.isEqualByComparingTo("49999999999950.00");
	}

	@Test
	void anOrderIsInOneCurrencyAndTotalsInIt() {
		RunningUsers.register("10014");
		long euros = catalogProduct("MIXED-EUR", "10.00", "EUR");
		long yen = catalogProduct("MIXED-JPY", "1500", "JPY");
		JsonNode mixed = place("10014", "mixed-currencies", item(euros, 1), item(yen, 1)).data().path("placeOrder");
		assertThat(mixed.path("order").isNull()).isTrue();
		assertThat(mixed.path("userErrors").get(0).path("code").asString()).isEqualTo("CURRENCY_MISMATCH");
		assertThat(field(mixed.path("userErrors").get(0))).containsExactly("input", "items");
		assertThat(ordersOf(10014)).isZero();
		JsonNode order = place("10014", "yen-only", item(yen, 3)).data().path("placeOrder").path("order");
		assertThat(order.path("total").toString()).isEqualTo("{\"amount\":\"4500.00\",\"currency\":\"JPY\"}");
		assertThat(lines(order)).containsExactly(yen + "x3@1500.00JPY");
	}

	@Test
	void aProductPricedInACurrencyWithdrawnSinceIsNotOrderedUntilTheCatalogRepricesIt() {
		RunningUsers.register("10016");
		long marks = withdrawnProduct("WITHDRAWN-DEM-LINE", "DEM");
		long leva = withdrawnProduct("WITHDRAWN-BGN-LINE", "BGN");
		JsonNode alone = place("10016", "withdrawn-alone", item(leva, 2)).data().path("placeOrder");
		assertThat(alone.path("order").isNull()).as(alone.toString()).isTrue();
		assertThat(alone.path("userErrors").get(0).path("code").asString()).isEqualTo("UNKNOWN_CURRENCY");
		assertThat(field(alone.path("userErrors").get(0))).containsExactly("input", "items", "0", "productId");
		JsonNode refused = place("10016", "withdrawn-lines", item(marks, 1), item(1, 1), item(leva, 3)).data()
			.path("placeOrder");
		assertThat(refused.path("order").isNull()).as(refused.toString()).isTrue();
		assertThat(refused.path("userErrors")).hasSize(2);
		JsonNode first = refused.path("userErrors").get(0);
		assertThat(first.path("code").asString()).isEqualTo("UNKNOWN_CURRENCY");
		assertThat(first.path("message").asString()).isEqualTo("Product " + marks
				+ " is priced in a currency that is no longer in use, so it cannot be ordered until the catalog prices it in a current one.");
		assertThat(field(first)).containsExactly("input", "items", "0", "productId");
		JsonNode second = refused.path("userErrors").get(1);
		assertThat(second.path("code").asString()).isEqualTo("UNKNOWN_CURRENCY");
		assertThat(field(second)).containsExactly("input", "items", "2", "productId");
		assertThat(ordersOf(10016)).isZero();
		reprice(marks, "5.00", "EUR");
		reprice(leva, "3.00", "EUR");
		JsonNode placed = place("10016", "withdrawn-lines", item(marks, 1), item(1, 1), item(leva, 3)).data()
			.path("placeOrder");
		assertThat(placed.path("userErrors").isEmpty()).as(placed.toString()).isTrue();
		assertThat(placed.path("order").path("total").toString())
			.isEqualTo("{\"amount\":\"98.18\",\"currency\":\"EUR\"}");
	}

	@Test
	void anOrderInACurrencyWithdrawnSinceReadsAsPlacedWhenItsProductMovesOn() {
		RunningUsers.register("10015");
		long product = withdrawnProduct("WITHDRAWN-DEM", "DEM");
		// placed while the mark was in use: placeOrder takes it no more, so only the
		// database
		// holds such an order
		String orderId = String.valueOf(orderPlacedBefore(10015, "withdrawn-dem", product, 2, "9.90", "DEM"));
		reprice(product, "5.00", "EUR");
		JsonNode order = orderById("10015", orderId);
		assertThat(order.path("status").asString()).isEqualTo("PLACED");
		assertThat(order.path("total").toString()).isEqualTo("{\"amount\":\"19.80\",\"currency\":\"DEM\"}");
		assertThat(lines(order)).containsExactly(product + "x2@9.90DEM");
		JsonNode history = this.http
			.post(Documents.named("userOrders"),
					Map.of("representations", List.of(Map.of("__typename", "User", "id", "10015")), "first", 5),
					TestTokens.forUser("10015"))
			.data()
			.path("_entities")
			.get(0)
			.path("orders")
			.path("edges");
		assertThat(history.get(0).path("node").path("total").path("currency").asString()).isEqualTo("DEM");
		JsonNode replay = place("10015", "withdrawn-dem", item(product, 2)).data().path("placeOrder");
		assertThat(replay.path("order").path("id").asString()).as(replay.toString()).isEqualTo(orderId);
		JsonNode next = place("10015", "moved-to-eur", item(product, 1)).data().path("placeOrder").path("order");
		assertThat(next.path("total").toString()).isEqualTo("{\"amount\":\"5.00\",\"currency\":\"EUR\"}");
	}

	@Test
	void aProductOutOfStockIsRefusedOnItsLineAndNothingIsWritten() {
		RunningUsers.register("10017");
		assertThat(seedUnits(10)).isZero();
		GraphQlHttpClient.Response response = place("10017", "out-of-stock-1", item(10, 1));
		assertThat(response.firstErrorCode()).as(response.body()).isNull();
		JsonNode refused = response.data().path("placeOrder");
		assertThat(refused.path("order").isNull()).as(refused.toString()).isTrue();
		assertThat(refused.path("userErrors")).hasSize(1);
		JsonNode error = refused.path("userErrors").get(0);
		assertThat(error.path("code").asString()).isEqualTo("OUT_OF_STOCK");
		assertThat(error.path("message").asString())
			.isEqualTo("Product 10 is out of stock, or not in the quantity ordered, so no order was placed.");
		assertThat(field(error)).containsExactly("input", "items", "0", "productId");
		JsonNode german = this.http
			.postWithHeaders(Documents.named("placeOrder"),
					Map.of("input", input("out-of-stock-1", List.of(item(10, 1)))),
					Map.of("Authorization", "Bearer " + TestTokens.forUser("10017"), "Accept-Language", "de"))
			.data()
			.path("placeOrder");
		assertThat(german.path("userErrors").get(0).path("message").asString()).isEqualTo(
				"Produkt 10 ist nicht oder nicht in der bestellten Menge vorrätig, daher wurde keine Bestellung aufgegeben.");
		assertThat(ordersOf(10017)).isZero();
		JsonNode placed = place("10017", "in-stock-1", item(11, 1)).data().path("placeOrder");
		assertThat(placed.path("userErrors").isEmpty()).as(placed.toString()).isTrue();
		assertThat(placed.path("order").path("status").asString()).isEqualTo("PLACED");
		assertThat(ordersOf(10017)).isEqualTo(1);
	}

	@Test
	void everyLineOfMoreUnitsThanInStockIsRefusedAndTheOthersAreNotWritten() {
		RunningUsers.register("10018");
		long five = catalogProduct("STOCK-FIVE", "2.00", "EUR", 5);
		long none = catalogProduct("STOCK-NONE", "3.00", "EUR", 0);
		assertThat(seedUnits(3)).isEqualTo(40);
		JsonNode refused = place("10018", "mixed-stock", item(1, 1), item(20, 2), item(3, 41), item(five, 6),
				item(none, 1), item(42, 1))
			.data()
			.path("placeOrder");
		assertThat(refused.path("order").isNull()).as(refused.toString()).isTrue();
		List<String> errors = new ArrayList<>();
		refused.path("userErrors")
			.forEach((error) -> errors.add(error.path("code").asString() + " " + String.join(".", field(error))));
		assertThat(errors).containsExactly("OUT_OF_STOCK input.items.1.productId",
				"OUT_OF_STOCK input.items.2.productId", "OUT_OF_STOCK input.items.3.productId",
				"OUT_OF_STOCK input.items.4.productId");
		assertThat(ordersOf(10018)).isZero();
		assertThat(
				this.jdbc.queryForObject("select count(*) from order_item where product_id = ?", Integer.class, five))
			.isZero();
		JsonNode placed = place("10018", "all-in-stock", item(1, 1), item(3, 40), item(five, 5)).data()
			.path("placeOrder");
		assertThat(placed.path("userErrors").isEmpty()).as(placed.toString()).isTrue();
		assertThat(lines(placed.path("order"))).containsExactly("1x1@84.18EUR", "3x40@" + seedPrice(3) + "EUR",
				five + "x5@2.00EUR");
		assertThat(ordersOf(10018)).isEqualTo(1);
	}

	@Test
	void aSubjectWithALeadingZeroIsNotTheBuyerOfItsNumber() {
		RunningUsers.register("10013");
		String id = place("10013", "leading-zero-own", item(2, 1)).data()
			.path("placeOrder")
			.path("order")
			.path("id")
			.asString();
		int before = ordersOf(10013);
		GraphQlHttpClient.Response placed = place("010013", "leading-zero-1", item(1, 1));
		assertThat(placed.firstErrorCode()).isEqualTo("FORBIDDEN");
		GraphQlHttpClient.Response cancelled = this.http.post(Documents.named("cancelOrder"),
				Map.of("input", Map.of("orderId", id)), TestTokens.forUser("010013"));
		assertThat(cancelled.firstErrorCode()).isEqualTo("FORBIDDEN");
		assertThat(ordersOf(10013)).isEqualTo(before);
		assertThat(orderById("10013", id).path("status").asString()).isEqualTo("PLACED");
	}

	@Test
	void replayedIdempotencyKeyReturnsTheFirstOrder() {
		JsonNode first = place("10005", "replay-key-1", item(5, 1), item(6, 2)).data().path("placeOrder");
		JsonNode replay = place("10005", "replay-key-1", item(6, 2), item(5, 1)).data().path("placeOrder");
		assertThat(replay.path("userErrors").isEmpty()).isTrue();
		assertThat(replay.path("order")).isEqualTo(first.path("order"));
		assertThat(ordersOf(10005)).isEqualTo(1);
	}

	@Test
	void reusingAnIdempotencyKeyForOtherItemsIsAUserError() {
		place("10006", "reused-key-1", item(5, 1));
		JsonNode reuse = place("10006", "reused-key-1", item(5, 2)).data().path("placeOrder");
		assertThat(reuse.path("order").isNull()).isTrue();
		assertThat(reuse.path("userErrors").get(0).path("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(field(reuse.path("userErrors").get(0))).containsExactly("input", "idempotencyKey");
		assertThat(ordersOf(10006)).isEqualTo(1);
	}

	@Test
	void idempotencyKeysArePerBuyer() {
		String a = place("10007", "shared-key-1", item(8, 1)).data()
			.path("placeOrder")
			.path("order")
			.path("id")
			.asString();
		String b = place("10008", "shared-key-1", item(8, 1)).data()
			.path("placeOrder")
			.path("order")
			.path("id")
			.asString();
		assertThat(a).isNotEqualTo(b);
		assertThat(ordersOf(10007) + ordersOf(10008)).isEqualTo(2);
	}

	@Test
	void concurrentReplaysOfOneKeyCreateExactlyOneOrder() throws Exception {
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<String>> calls = new ArrayList<>();
		for (int n = 0; n < threads; n++) {
			calls.add(() -> {
				start.await();
				GraphQlHttpClient.Response response = place("10009", "concurrent-key", item(9, 1), item(11, 1));
				assertThat(response.firstErrorCode()).isNull();
				return response.data().path("placeOrder").path("order").path("id").asString();
			});
		}
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<String>> results = calls.stream().map(executor::submit).toList();
			start.countDown();
			Set<String> ids = new java.util.HashSet<>();
			for (Future<String> result : results) {
				ids.add(result.get());
			}
			assertThat(ids).hasSize(1).doesNotContain("");
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(ordersOf(10009)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from order_item i join orders o on o.id = i.order_id " + "where o.buyer_id = 10009",
				Integer.class))
			.isEqualTo(2);
	}

	@Test
	void aFailureHalfwayThroughWritingLeavesNoOrder() {
		this.jdbc.execute("alter table order_item add constraint test_refuses_product_4242 "
				+ "check (product_id <> 4242) not valid");
		try {
			GraphQlHttpClient.Response response = place("10010", "halfway-key", item(1, 1), item(4242, 1));
			assertThat(response.firstErrorCode()).isEqualTo("INTERNAL");
			assertThat(response.body()).doesNotContain("test_refuses_product_4242")
				.doesNotContain("order_item")
				.doesNotContain("PSQL");
			assertThat(response.data().path("placeOrder").isMissingNode()).isTrue();
		}
		finally {
			this.jdbc.execute("alter table order_item drop constraint test_refuses_product_4242");
		}
		assertThat(ordersOf(10010)).isZero();
		JsonNode retry = place("10010", "halfway-key", item(1, 1), item(4242, 1)).data().path("placeOrder");
		assertThat(retry.path("order").path("items")).hasSize(2);
	}

	@Test
	void aCallerWithoutAUsersRecordCannotOrderUntilRegistered() {
		JsonNode refused = place("10011", "unregistered-1", item(1, 1)).data().path("placeOrder");
		assertThat(refused.path("order").isNull()).isTrue();
		JsonNode error = refused.path("userErrors").get(0);
		assertThat(error.path("code").asString()).isEqualTo("UNREGISTERED_USER");
		assertThat(error.path("message").asString())
			.isEqualTo("You are not registered yet; call registerUser before placing an order.");
		assertThat(error.path("field").isNull()).isTrue();
		assertThat(ordersOf(10011)).isZero();
		RunningUsers.register("10011");
		JsonNode placed = place("10011", "unregistered-1", item(1, 1)).data().path("placeOrder");
		assertThat(placed.path("userErrors").isEmpty()).isTrue();
		assertThat(placed.path("order").path("buyer").path("id").asString()).isEqualTo("10011");
		assertThat(ordersOf(10011)).isEqualTo(1);
	}

	@Test
	void anonymousCallersCannotPlaceOrders() {
		GraphQlHttpClient.Response response = this.http.post(Documents.named("placeOrder"),
				Map.of("input", input("anonymous-key", List.of(item(1, 1)))), null);
		assertThat(response.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
		assertThat(response.data().path("placeOrder").isMissingNode()).isTrue();
		assertThat(response.json().path("errors").get(0).path("path").get(0).asString()).isEqualTo("placeOrder");
	}

	@Test
	void theCatalogRunsOnItsOwnDatabase() {
		String catalogUrl = RunningCatalog.context().getEnvironment().getProperty("spring.datasource.url");
		String ordersUrl = this.jdbc.queryForObject("select current_database()", String.class);
		assertThat(catalogUrl).contains("sg_catalog_").doesNotContain(ordersUrl);
		assertThat(ordersUrl).startsWith("sg_orders_");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from information_schema.tables where table_name = 'product'", Integer.class))
			.isZero();
	}

	/**
	 * A new product of the running catalog at a price in euros, with a unique SKU and
	 * enough stock for any line.
	 */
	private static long catalogProduct(String sku, String amount) {
		return catalogProduct(sku, amount, "EUR");
	}

	private static long catalogProduct(String sku, String amount, String currency) {
		return catalogProduct(sku, amount, currency, 1000);
	}

	private static long catalogProduct(String sku, String amount, String currency, int units) {
		GraphQlHttpClient catalog = new GraphQlHttpClient(java.net.URI.create(RunningCatalog.url()));
		Map<String, Object> product = Map.of("sku", sku, "name", sku, "price",
				Map.of("amount", amount, "currency", currency), "categoryId", "3", "weightGrams", 1, "stockQuantity",
				units);
		JsonNode created = catalog
			.post("mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } } }",
					Map.of("input", product), TestTokens.forUser("1", "catalog:write"))
			.data()
			.path("createProduct")
			.path("product");
		return Long.parseLong(created.path("id").asString());
	}

	/**
	 * A product of the running catalog priced at 9.90 in a currency withdrawn since: only
	 * the database holds such a price.
	 */
	private static long withdrawnProduct(String sku, String currency) {
		JdbcTemplate catalogRows = RunningCatalog.context().getBean(JdbcTemplate.class);
		return catalogRows.queryForObject(
				"insert into product (sku, name, price_amount, price_currency, category_id, "
						+ "weight_grams, stock_quantity) values (?, 'Old stock', 9.90, ?, 3, 100, 10) returning id",
				Long.class, sku, currency);
	}

	private static void reprice(long productId, String amount, String currency) {
		GraphQlHttpClient catalog = new GraphQlHttpClient(java.net.URI.create(RunningCatalog.url()));
		GraphQlHttpClient.Response moved = catalog.post(
				"mutation($id: ID!, $price: MoneyInput!) { updateProductPrice(input: { productId: $id, price: $price }) "
						+ "{ userErrors { code } } }",
				Map.of("id", String.valueOf(productId), "price", Map.of("amount", amount, "currency", currency)),
				TestTokens.forUser("1", "catalog:write"));
		assertThat(moved.data().path("updateProductPrice").path("userErrors").isEmpty()).as(moved.body()).isTrue();
	}

	/**
	 * An order of one line, written as placeOrder wrote it when its currency was in use.
	 */
	private long orderPlacedBefore(long buyerId, String key, long productId, int quantity, String unitPrice,
			String currency) {
		BigDecimal total = new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity));
		long orderId = this.jdbc.queryForObject("insert into orders (buyer_id, status, total_amount, total_currency, "
				+ "placed_at, idempotency_key, items_digest) values (?, 'PLACED', ?, ?, now(), ?, ?) returning id",
				Long.class, buyerId, total, currency, key, ItemsDigest.of(Map.of(productId, quantity)));
		this.jdbc.update(
				"insert into order_item (order_id, line_no, product_id, quantity, unit_price_amount, "
						+ "unit_price_currency) values (?, 0, ?, ?, ?, ?)",
				orderId, productId, quantity, new BigDecimal(unitPrice), currency);
		return orderId;
	}

	private GraphQlHttpClient.Response place(String userId, String key, Map<String, Object>... items) {
		return post(userId, input(key, List.of(items)));
	}

	private GraphQlHttpClient.Response post(String userId, Map<String, Object> input) {
		return this.http.post(Documents.named("placeOrder"), Map.of("input", input), TestTokens.forUser(userId));
	}

	private JsonNode orderById(String userId, String id) {
		return this.http.post(Documents.named("orderDetail"), Map.of("id", id), TestTokens.forUser(userId))
			.data()
			.path("order");
	}

	private void assertUserError(Map<String, Object> input, String code, String... field) {
		GraphQlHttpClient.Response response = post("10003", input);
		assertThat(response.firstErrorCode()).as(response.body()).isNull();
		JsonNode payload = response.data().path("placeOrder");
		assertThat(payload.path("order").isNull()).isTrue();
		JsonNode error = payload.path("userErrors").get(0);
		assertThat(error.path("code").asString()).as(response.body()).isEqualTo(code);
		assertThat(error.path("message").asString()).isNotBlank();
		assertThat(field(error)).containsExactly(field);
	}

	private int ordersOf(long buyerId) {
		return this.jdbc.queryForObject("select count(*) from orders where buyer_id = ?", Integer.class, buyerId);
	}

	static Map<String, Object> input(String key, List<Map<String, Object>> items) {
		return Map.of("idempotencyKey", key, "items", items);
	}

	static Map<String, Object> item(long productId, int quantity) {
		return Map.of("productId", String.valueOf(productId), "quantity", quantity);
	}

	static BigDecimal seedPrice(long productId) {
		return BigDecimal.valueOf(499 + (productId * 7919) % 20000, 2);
	}

	static int seedUnits(long productId) {
		return (productId % 10 == 0) ? 0 : (int) (1 + (productId * 13) % 200);
	}

	private static List<String> field(JsonNode error) {
		List<String> field = new ArrayList<>();
		error.path("field").forEach((name) -> field.add(name.asString()));
		return field;
	}

	private static List<String> lines(JsonNode order) {
		List<String> lines = new ArrayList<>();
		order.path("items")
			.forEach((item) -> lines.add(item.path("product").path("id").asString() + "x"
					+ item.path("quantity").asInt() + "@" + item.path("unitPrice").path("amount").asString()
					+ item.path("unitPrice").path("currency").asString()));
		return lines.stream().collect(Collectors.toList());
	}

}
