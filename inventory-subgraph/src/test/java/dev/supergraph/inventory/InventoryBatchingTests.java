package dev.supergraph.inventory;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SqlStatementCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock of N products costs one SQL statement, with the same text for every N; taking
 * over the stock of N products the inventory has no row for costs one catalog call and
 * two statements (the read and one insert), for every N.
 */
class InventoryBatchingTests extends CatalogLinkedTests {

	@Autowired
	SqlStatementCounter statements;

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
