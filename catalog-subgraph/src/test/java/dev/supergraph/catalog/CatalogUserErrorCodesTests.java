package dev.supergraph.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import dev.supergraph.starter.test.UserErrorCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog's mutations as a hostile client and a client team try them: every bad price
 * (amounts of every wrong shape, amounts finer than their currency, currencies in the
 * wrong case, withdrawn, fund and non-currency codes) and every other input problem is
 * one user error with a code that its payload documents in the schema, never a request
 * error or {@code INTERNAL}; and each payload documents exactly the codes its mutation
 * answers.
 */
@SubgraphTest
class CatalogUserErrorCodesTests {

	private static final String WRITER = TestTokens.forUser("902", "catalog:write");

	/** A seed product in EUR that no probe may change. */
	private static final String PRODUCT = "2";

	private static final List<String> MALFORMED_AMOUNTS = List.of("-1", "-0.01", "1e3", "1E3", "NaN", "Infinity",
			"12 .50", "12,50", "1.999", "0.001", "99999999999", "0x10", "+1", ".5", "5.", "00.5", "", "   ", "1\u00a0",
			"\u0661\u0662", "12.50 EUR", "1_000");

	private static final List<String> MALFORMED_CURRENCIES = List.of("eur", "Eur", "EURO", "EU", "", "   ", "978", "€",
			"\uff25\uff35\uff32", "E UR");

	/** Withdrawn currencies, fund codes and codes that name no currency. */
	private static final List<String> UNKNOWN_CURRENCIES = List.of("DEM", "FRF", "ESP", "ITL", "NLG", "HRK", "BGN",
			"CUC", "SLL", "ZWL", "ANG", "VEF", "XXX", "XTS", "XAU", "XDR", "XSU", "USN", "CHE", "CLF", "QQQ");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	GraphQlHttpClient client;

	@BeforeEach
	void client() {
		this.client = GraphQlHttpClient.forPort(this.port);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("probes")
	void eachProbeIsOneDocumentedUserErrorAndChangesNothing(Probe probe) {
		String before = price(PRODUCT);
		int products = products();
		Response response = this.client.post(probe.document(), Map.of("input", probe.input()), WRITER);
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		JsonNode payload = response.data().path(probe.mutation());
		assertThat(payload.path("product").isNull()).as(response.body()).isTrue();
		assertThat(payload.path("userErrors")).as(response.body()).hasSize(1);
		JsonNode error = payload.path("userErrors").get(0);
		assertThat(error.path("code").asString()).isEqualTo(probe.code());
		assertThat(error.path("field").toString()).isEqualTo(probe.field());
		assertThat(error.path("message").asString()).isNotBlank();
		assertThat(UserErrorCodes.documented(this.port, probe.mutation())).contains(probe.code());
		assertThat(price(PRODUCT)).isEqualTo(before);
		assertThat(products()).as("nothing created").isEqualTo(products);
	}

	@Test
	void eachMutationDocumentsExactlyTheCodesItAnswers() {
		for (String mutation : List.of("createProduct", "updateProductPrice")) {
			List<String> answered = probes().filter((probe) -> probe.mutation().equals(mutation))
				.map(Probe::code)
				.distinct()
				.toList();
			assertThat(UserErrorCodes.documented(this.port, mutation)).as(mutation)
				.containsExactlyInAnyOrderElementsOf(answered);
		}
	}

	@Test
	void aPriceThatIsNotAStringIsABadUserInputRequestError() {
		for (Object amount : new Object[] { 12.5, 1000, true, List.of("1") }) {
			Map<String, Object> input = Map.of("productId", PRODUCT, "price",
					Map.of("amount", amount, "currency", "EUR"));
			Response response = this.client.post(Probe.UPDATE, Map.of("input", input), WRITER);
			assertThat(response.firstErrorCode()).as(response.body()).isEqualTo("BAD_USER_INPUT");
			assertThat(response.json().path("data").path("updateProductPrice").isMissingNode()).as("no payload")
				.isTrue();
		}
	}

	static Stream<Probe> probes() {
		List<Probe> probes = new ArrayList<>();
		for (String amount : MALFORMED_AMOUNTS) {
			probes.add(Probe.create("amount '" + amount + "'", "INVALID_FORMAT", "price.amount", "price",
					price(amount, "EUR")));
			probes.add(Probe.update("amount '" + amount + "'", "INVALID_FORMAT", "price.amount", price(amount, "EUR")));
		}
		for (String[] finer : new String[][] { { "1.50", "JPY" }, { "1.5", "KRW" }, { "0.01", "XOF" } }) {
			String name = finer[0] + " " + finer[1];
			probes.add(Probe.create(name, "INVALID_FORMAT", "price.amount", "price", price(finer[0], finer[1])));
			probes.add(Probe.update(name, "INVALID_FORMAT", "price.amount", price(finer[0], finer[1])));
		}
		for (String currency : MALFORMED_CURRENCIES) {
			String name = "currency '" + currency + "'";
			probes.add(Probe.create(name, "INVALID_FORMAT", "price.currency", "price", price("2.00", currency)));
			probes.add(Probe.update(name, "INVALID_FORMAT", "price.currency", price("2.00", currency)));
		}
		for (String currency : UNKNOWN_CURRENCIES) {
			probes.add(Probe.create(currency, "UNKNOWN_CURRENCY", "price.currency", "price", price("2.00", currency)));
			probes.add(Probe.update(currency, "UNKNOWN_CURRENCY", "price.currency", price("2.00", currency)));
		}
		probes.add(Probe.create("blank name", "REQUIRED", "name", "name", " \t "));
		probes.add(Probe.create("name of 201 characters", "INVALID_LENGTH", "name", "name", "n".repeat(201)));
		probes.add(Probe.create("description of 2001 characters", "INVALID_LENGTH", "description", "description",
				"d".repeat(2001)));
		probes.add(Probe.create("sku with a space", "INVALID_FORMAT", "sku", "sku", "BAD SKU"));
		probes.add(Probe.create("category id not a number", "INVALID_FORMAT", "categoryId", "categoryId", "abc"));
		probes.add(Probe.create("negative weight", "OUT_OF_RANGE", "weightGrams", "weightGrams", -1));
		probes.add(Probe.create("stock over a million", "OUT_OF_RANGE", "stockQuantity", "stockQuantity", 1000001));
		probes.add(Probe.create("unknown category", "CATEGORY_NOT_FOUND", "categoryId", "categoryId", "999"));
		probes.add(Probe.create("a seed product's sku", "SKU_TAKEN", "sku", "sku", "SKU-00001"));
		probes.add(Probe.update("product id not a number", "INVALID_FORMAT", "productId", "productId", "x1"));
		probes.add(Probe.update("unknown product", "PRODUCT_NOT_FOUND", "productId", "productId", "987654321"));
		probes.add(Probe.update("another current currency", "CURRENCY_MISMATCH", "price.currency", price("2", "USD")));
		probes.add(Probe.update("a currency without fraction digits", "CURRENCY_MISMATCH", "price.currency",
				price("2", "JPY")));
		return probes.stream();
	}

	private int products() {
		return this.jdbc.queryForObject("select count(*) from product", Integer.class);
	}

	private String price(String productId) {
		return this.client
			.post("query($id: ID!) { product(id: $id) { price { amount currency } } }", Map.of("id", productId), null)
			.data()
			.path("product")
			.path("price")
			.toString();
	}

	private static Map<String, Object> price(String amount, String currency) {
		return Map.of("amount", amount, "currency", currency);
	}

	/**
	 * A mutation's input with one problem, and the user error it gets.
	 *
	 * @param name what is wrong
	 * @param mutation {@code createProduct} or {@code updateProductPrice}
	 * @param input the input
	 * @param code the expected code
	 * @param field the expected field path, as JSON
	 */
	record Probe(String name, String mutation, Map<String, Object> input, String code, String field) {

		static final String CREATE = "mutation($input: CreateProductInput!) { createProduct(input: $input) "
				+ "{ product { id } userErrors { code message field } } }";

		static final String UPDATE = "mutation($input: UpdateProductPriceInput!) { updateProductPrice(input: $input) "
				+ "{ product { id } userErrors { code message field } } }";

		static Probe create(String name, String code, String field, String key, Object value) {
			Map<String, Object> input = new HashMap<>(
					Map.of("sku", "P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "name", "Probe",
							"price", price("2.00", "EUR"), "categoryId", "3", "weightGrams", 1));
			input.put(key, value);
			return new Probe(name, "createProduct", input, code, path(field));
		}

		static Probe update(String name, String code, String field, Map<String, Object> price) {
			return update(name, code, field, "price", price);
		}

		static Probe update(String name, String code, String field, String key, Object value) {
			Map<String, Object> input = new HashMap<>(Map.of("productId", PRODUCT, "price", price("2.00", "EUR")));
			input.put(key, value);
			return new Probe(name, "updateProductPrice", input, code, path(field));
		}

		String document() {
			return this.mutation.equals("createProduct") ? CREATE : UPDATE;
		}

		private static String path(String field) {
			return "[\"input\",\"" + String.join("\",\"", field.split("\\.")) + "\"]";
		}

		@Override
		public String toString() {
			return this.mutation + ": " + this.name;
		}

	}

}
