package dev.supergraph.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import dev.supergraph.inventory.catalog.CatalogStock;
import dev.supergraph.starter.limits.LimitsProperties;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SqlStatementCounter;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock of N products costs one SQL statement, with the same text for every N; taking
 * over the stock of N products the inventory has no row for costs, besides the read, one
 * catalog call and one insert per {@value CatalogStock#MAX_PRODUCTS_PER_CALL} of them, so
 * that every call fits the catalog's limits whatever the inventory accepts.
 */
class InventoryBatchingTests extends CatalogLinkedTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	SqlStatementCounter statements;

	@Autowired
	LimitsProperties limits;

	@Test
	void stockOfHundredProductsCostsOneStatementLikeTheStockOfOne() {
		assertThat(statementsFor(1, 1)).isEqualTo(1);
		assertThat(statementsFor(1, 100)).isEqualTo(1);
	}

	@Test
	void stockOfTwoOrHundredProductsSendsTheSameStatementText() {
		statementsFor(1, 2);
		List<String> two = this.statements.texts();
		statementsFor(1, 100);
		assertThat(two).hasSize(1);
		assertThat(this.statements.texts()).isEqualTo(two);
	}

	@Test
	void takingOverHundredProductsCostsOneCatalogCallLikeTakingOverOne() {
		// seeded in the catalog, their rows gone here: as products created after the seed
		this.jdbc.update("delete from stock where product_id between 4001 and 4101");
		this.catalog.mode(CatalogLink.Mode.FORWARD);
		int calls = this.catalog.calls();
		assertThat(statementsFor(4001, 4001)).isEqualTo(2);
		List<String> one = this.statements.texts();
		assertThat(this.catalog.calls()).isEqualTo(calls + 1);
		assertThat(statementsFor(4002, 4101)).isEqualTo(2);
		assertThat(this.statements.texts()).isEqualTo(one);
		assertThat(this.catalog.calls()).isEqualTo(calls + 2);
		// recorded: from now on the inventory answers alone
		assertThat(statementsFor(4001, 4101)).isEqualTo(1);
		assertThat(this.catalog.calls()).isEqualTo(calls + 2);
	}

	@Test
	void theLargestRequestTheInventoryAcceptsIsTakenOverInCallsTheCatalogAccepts() {
		// seeded in the catalog, their rows gone here; asked last, after the first calls
		this.jdbc.update("delete from stock where product_id between 3001 and 3010");
		List<Long> ids = new ArrayList<>(LongStream.rangeClosed(3001, 3010).boxed().toList());
		// 18-digit ids the catalog does not know, as JSON numbers: each is two bytes
		// longer
		// in the inventory's call to the catalog, which sends ids as strings, so one call
		// for all of them would exceed the catalog's body limit, the same as the
		// inventory's
		long unknown = 800_000_000_000_000_000L;
		int each = stockRequest(List.of(unknown, unknown)).length - stockRequest(List.of(unknown)).length;
		int limit = Math.toIntExact(this.limits.maxBodySize().toBytes());
		int count = (limit - stockRequest(ids).length) / each;
		for (int i = 0; i < count; i++) {
			ids.add(i, unknown + i);
		}
		byte[] request = stockRequest(ids);
		assertThat(request.length).isLessThanOrEqualTo(limit).isGreaterThan(limit - each);
		this.catalog.mode(CatalogLink.Mode.FORWARD);
		int calls = this.catalog.calls();
		Response response = GraphQlHttpClient.forPort(this.port)
			.signedWith(RunningCatalog.ROUTER_SECRET)
			.postRaw("application/json", request, "Authorization",
					"Bearer " + TestTokens.forUser("1", "inventory:read"));
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		JsonNode products = response.data().path("_entities");
		assertThat(products).hasSize(ids.size());
		for (int i = 0; i < count; i++) {
			assertThat(products.get(i).path("stockQuantity").asInt()).isZero();
		}
		for (int i = count; i < ids.size(); i++) {
			assertThat(products.get(i).path("stockQuantity").asInt()).isEqualTo(seedStock(ids.get(i)));
		}
		assertThat(this.jdbc.queryForList("select quantity from stock where product_id between 3001 and 3010",
				Integer.class))
			.hasSize(10);
		int perCall = CatalogStock.MAX_PRODUCTS_PER_CALL;
		assertThat(this.catalog.calls() - calls).isEqualTo((ids.size() + perCall - 1) / perCall);
	}

	/**
	 * The body of an {@code _entities} request for the stock of products, ids as numbers.
	 */
	private static byte[] stockRequest(List<Long> ids) {
		List<Map<String, Object>> representations = ids.stream()
			.<Map<String, Object>>map((id) -> Map.of("__typename", "Product", "id", id))
			.toList();
		return json
			.writeValueAsBytes(Map.of("query", StockEntitiesTests.STOCK, "variables", Map.of("r", representations)));
	}

	/** The catalog's seed rule for a product's units ({@code docs/seed-data.md}). */
	private static int seedStock(long id) {
		return (id % 10 == 0) ? 0 : (int) (1 + (id * 13) % 200);
	}

	private int statementsFor(long first, long last) {
		List<Map<String, Object>> representations = LongStream.rangeClosed(first, last)
			.<Map<String, Object>>mapToObj((n) -> Map.of("__typename", "Product", "id", String.valueOf(n)))
			.toList();
		this.statements.reset();
		Response response = GraphQlHttpClient.forPort(this.port)
			.signedWith(RunningCatalog.ROUTER_SECRET)
			.post("query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id inStock } } }",
					Map.of("r", representations), null);
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		assertThat(response.data().path("_entities")).hasSize(representations.size());
		// every answer is the seed's: the catalog's count, taken over or seeded here
		for (int i = 0; i < representations.size(); i++) {
			long id = first + i;
			assertThat(response.data().path("_entities").get(i).path("inStock").asBoolean()).isEqualTo(id % 10 != 0);
		}
		return this.statements.statements();
	}

}
