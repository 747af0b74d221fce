package dev.supergraph.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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

	private static final HttpClient HTTP = HttpClient.newHttpClient();

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

	/**
	 * Runs {@link #MY_STOCK} as a buyer, checks every product's {@code inStock} against
	 * the seed, and tells which subgraph answered the field: exactly one of catalog and
	 * inventory was asked, once.
	 */
	private static String answeredBy(GraphQlHttpClient router, String user, String... scopes) {
		int catalog = requests("catalog");
		int inventory = requests("inventory");
		Response response = router.post(MY_STOCK, Map.of(), TestTokens.forUser(user, scopes));
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		List<JsonNode> products = response.data().findValues("product");
		assertThat(products).isNotEmpty();
		for (JsonNode product : products) {
			// The seed (docs/seed-data.md): every tenth product has no stock.
			boolean expected = Long.parseLong(product.path("id").asString()) % 10 != 0;
			assertThat(product.path("inStock").asBoolean()).as("product %s", product.path("id")).isEqualTo(expected);
		}
		int catalogAsked = requests("catalog") - catalog;
		int inventoryAsked = requests("inventory") - inventory;
		assertThat(catalogAsked + inventoryAsked).as("catalog %d, inventory %d", catalogAsked, inventoryAsked)
			.isEqualTo(1);
		return (catalogAsked == 1) ? "catalog" : "inventory";
	}

	/** GraphQL requests the subgraph has served, all operations and outcomes. */
	private static int requests(String subgraph) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(supergraph.metricsUrl(subgraph))).build();
		try {
			String text = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
			return (int) text.lines()
				.filter((line) -> line.startsWith("graphql_request_seconds_count{"))
				.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
				.sum();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
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
