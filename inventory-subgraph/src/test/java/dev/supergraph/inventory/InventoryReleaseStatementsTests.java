package dev.supergraph.inventory;

import java.util.Map;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestTokens;
import dev.supergraph.starter.test.release.RecordReleaseStatements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read path of the inventory over HTTP, so that
 * {@code src/test/resources/release/statements.json} is exactly the SQL this release
 * issues (docs/migrations.md). The inventory has one: the stock of products by id.
 */
@SubgraphTest
class InventoryReleaseStatementsTests {

	@RegisterExtension
	static RecordReleaseStatements release = new RecordReleaseStatements();

	@LocalServerPort
	int port;

	@Test
	void stockOfProductsByTheirIds() {
		Response response = GraphQlHttpClient.forPort(this.port)
			.post(StockEntitiesTests.STOCK, Map.of("r", StockEntitiesTests.products("3", "10", "900000")),
					TestTokens.forUser("1", "inventory:read"));
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		assertThat(response.data().path("_entities")).hasSize(3);
	}

}
