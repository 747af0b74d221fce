package dev.supergraph.gateway;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.supergraph.gateway.support.ManagedProcess;
import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The move of {@code Product.inStock} from the catalog to the inventory through the real
 * router: the inventory's {@code @override(from: "catalog", label: …)} sends the field to
 * the inventory only when the label holds for the request. Which subgraph answered is
 * read from the subgraphs' request counters ({@code graphql_request_seconds_count} at
 * {@code /actuator/prometheus}); the answers are compared with the seed whichever
 * answered. The operation reads a buyer's orders, so the products come from the orders
 * subgraph as references and only the owner of {@code inStock} is asked for them.
 */
class OverrideIT {

	/** A buyer's first orders with their products' stock. */
	static final String MY_STOCK = "query MyStock { me { orders(first: 3) { edges { node { items { product { id inStock } } } } } } }";

	static Supergraph supergraph;

	@TempDir
	static Path files;

	ManagedProcess router;

	@BeforeAll
	static void supergraph() {
		supergraph = Supergraph.get();
	}

	@AfterEach
	void stopRouter() {
		if (this.router != null) {
			this.router.stop();
		}
	}

	@Test
	void withTheCommittedLabelAndNoFlagsTheCatalogAnswers() {
		GraphQlHttpClient router = supergraph.router();
		assertThat(answeredBy(router, "1")).isEqualTo("catalog");
		assertThat(answeredBy(router, "2")).isEqualTo("catalog");
	}

	@Test
	void percentZeroStaysWithTheCatalogAndPercentHundredMovesToTheInventory() {
		this.router = supergraph.startDevRouter("router-percent-0", composedWithLabel("percent(0)"), Map.of());
		assertThat(answeredBy(client(this.router), "1")).isEqualTo("catalog");
		assertThat(answeredBy(client(this.router), "2")).isEqualTo("catalog");
		this.router.stop();
		this.router = supergraph.startDevRouter("router-percent-100", composedWithLabel("percent(100)"), Map.of());
		assertThat(answeredBy(client(this.router), "1")).isEqualTo("inventory");
		assertThat(answeredBy(client(this.router), "2")).isEqualTo("inventory");
	}

	@Test
	void theFlagSendsOnlyItsCohortToTheInventory() throws IOException {
		Path flags = flagsFile("cohort", """
				[ { "value": true, "userIds": ["1"] }, { "value": true, "scopes": ["internal"] } ]""");
		this.router = supergraph.startDevRouter("router-flag-cohort", Path.of("supergraph.graphql"),
				Map.of("FLAGS_FILE", flags.toString()));
		GraphQlHttpClient client = client(this.router);
		assertThat(answeredBy(client, "1")).isEqualTo("inventory");
		assertThat(answeredBy(client, "2")).isEqualTo("catalog");
		assertThat(answeredBy(client, "2", "internal")).isEqualTo("inventory");
		assertThat(answeredBy(client, "3")).isEqualTo("catalog");
	}

	@Test
	void theFlagAtHundredPercentSendsEverybodyToTheInventory() throws IOException {
		Path flags = flagsFile("everybody", """
				[ { "value": true, "percentage": 100 } ]""");
		this.router = supergraph.startDevRouter("router-flag-everybody", Path.of("supergraph.graphql"),
				Map.of("FLAGS_FILE", flags.toString()));
		for (String user : List.of("1", "2", "3")) {
			assertThat(answeredBy(client(this.router), user)).as("user %s", user).isEqualTo("inventory");
		}
	}

	@Test
	void aPercentageOfUsersIsAStableCohort() throws IOException {
		Path flags = flagsFile("ten-percent", """
				[ { "value": true, "percentage": 10 } ]""");
		this.router = supergraph.startDevRouter("router-flag-ten-percent", Path.of("supergraph.graphql"),
				Map.of("FLAGS_FILE", flags.toString()));
		Map<String, String> expected = new LinkedHashMap<>();
		Map<String, String> first = new LinkedHashMap<>();
		Map<String, String> again = new LinkedHashMap<>();
		for (int user = 1; user <= 40; user++) {
			expected.put(String.valueOf(user), (bucket(String.valueOf(user)) < 1000) ? "inventory" : "catalog");
			first.put(String.valueOf(user), answeredBy(client(this.router), String.valueOf(user)));
		}
		for (String user : first.keySet()) {
			again.put(user, answeredBy(client(this.router), user));
		}
		assertThat(first).isEqualTo(expected).isEqualTo(again);
		assertThat(first).containsValues("inventory", "catalog");
	}

	@Test
	void aProductCreatedAfterTheSeedHasTheSameStockWhicheverSubgraphAnswers() {
		String stocked = createProduct("OVERRIDE-STOCKED", 5);
		String soldOut = createProduct("OVERRIDE-SOLD-OUT", 0);
		this.router = supergraph.startDevRouter("router-new-products", composedWithLabel("percent(100)"), Map.of());
		// the committed label: the catalog answers; percent(100): the inventory does
		Map<String, GraphQlHttpClient> routers = Map.of("catalog", supergraph.router(), "inventory",
				client(this.router));
		routers.forEach((owner, router) -> {
			int inventory = supergraph.graphQlRequests("inventory");
			assertThat(inStock(router, stocked)).as(owner).isTrue();
			assertThat(inStock(router, soldOut)).as(owner).isFalse();
			// twice: the second time the inventory answers from the stock it took over
			assertThat(inStock(router, stocked)).as(owner).isTrue();
			assertThat(supergraph.graphQlRequests("inventory") - inventory).as(owner)
				.isEqualTo(owner.equals("inventory") ? 3 : 0);
		});
	}

	private static String createProduct(String sku, int stock) {
		Response response = supergraph.router()
			.post("""
					mutation CreateProduct($input: CreateProductInput!) {
					  createProduct(input: $input) { product { id } userErrors { code } }
					}""",
					Map.of("input",
							Map.of("sku", sku, "name", "Override probe " + sku, "price",
									Map.of("amount", "10.00", "currency", "EUR"), "categoryId", "1", "weightGrams", 100,
									"stockQuantity", stock)),
					TestTokens.forUser("override-writer", "catalog:write"));
		JsonNode created = response.data().path("createProduct");
		assertThat(created.path("userErrors")).as(response.body()).isEmpty();
		return created.path("product").path("id").asString();
	}

	private static boolean inStock(GraphQlHttpClient router, String productId) {
		Response response = router.post("query ProductStock($id: ID!) { product(id: $id) { id inStock } }",
				Map.of("id", productId), null);
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		return response.data().path("product").path("inStock").asBoolean();
	}

	/**
	 * The stable bucket of a user for the flag (contract/feature-flags.schema.json): the
	 * first four bytes of SHA-256 of {@code inventory-stock:<user id>}, unsigned, modulo
	 * 10,000.
	 */
	private static long bucket(String userId) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(("inventory-stock:" + userId).getBytes(StandardCharsets.UTF_8));
			return (ByteBuffer.wrap(hash).getInt() & 0xFFFFFFFFL) % 10_000;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Runs {@link #MY_STOCK} as a buyer, checks every product's {@code inStock} against
	 * the seed, and tells which subgraph answered the field by the requests each served:
	 * the inventory is asked once exactly when it answers, and the catalog is asked once
	 * when it answers. When the inventory answers, the catalog may be asked too: Hive
	 * Gateway's JavaScript planner fetches the product's other key, {@code sku}, from it;
	 * the Rust planner does not.
	 */
	private static String answeredBy(GraphQlHttpClient router, String user, String... scopes) {
		int catalog = supergraph.graphQlRequests("catalog");
		int inventory = supergraph.graphQlRequests("inventory");
		Response response = router.post(MY_STOCK, Map.of(), TestTokens.forUser(user, scopes));
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		List<JsonNode> products = response.data().findValues("product");
		assertThat(products).isNotEmpty();
		for (JsonNode product : products) {
			// The seed (docs/seed-data.md): every tenth product has no stock.
			boolean expected = Long.parseLong(product.path("id").asString()) % 10 != 0;
			assertThat(product.path("inStock").asBoolean()).as("product %s", product.path("id")).isEqualTo(expected);
		}
		int catalogAsked = supergraph.graphQlRequests("catalog") - catalog;
		int inventoryAsked = supergraph.graphQlRequests("inventory") - inventory;
		assertThat(List.of(catalogAsked, inventoryAsked)).as("requests at catalog and inventory")
			.isIn(List.of(1, 0), List.of(1, 1), List.of(0, 1));
		return (inventoryAsked == 1) ? "inventory" : "catalog";
	}

	/** The golden subgraphs composed with another label, by the project's composition. */
	private static Path composedWithLabel(String label) {
		Path output = files.resolve("supergraph-" + label.replaceAll("[^a-z0-9]", "") + ".graphql");
		try {
			Process compose = new ProcessBuilder("node", "scripts/compose-override-label.mjs", label, output.toString())
				.redirectErrorStream(true)
				.start();
			String log = new String(compose.getInputStream().readAllBytes());
			assertThat(compose.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(compose.exitValue()).as(log).isZero();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		assertThat(output).content().contains("overrideLabel: \"" + label + "\"");
		return output;
	}

	/**
	 * A flags file (contract/feature-flags.schema.json) with {@code inventory-stock} on
	 * for the rules.
	 */
	private static Path flagsFile(String name, String rules) throws IOException {
		Path file = files.resolve("flags-" + name + ".json");
		Files.writeString(file, """
				{ "flags": { "inventory-stock": {
				    "description": "Product.inStock answered by the inventory subgraph",
				    "enabled": true, "default": false, "rules": %s } } }
				""".formatted(rules));
		return file;
	}

	private static GraphQlHttpClient client(ManagedProcess router) {
		return new GraphQlHttpClient(router.uri("/graphql"));
	}

}
