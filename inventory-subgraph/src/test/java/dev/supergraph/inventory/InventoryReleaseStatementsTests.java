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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read path of the inventory over HTTP, so that
 * {@code src/test/resources/release/statements.json} is exactly the SQL this release
 * issues (docs/migrations.md): the stock of products by id, and the insert of the stock
 * it takes over from the catalog for a product it has no row for.
 */
@SubgraphTest
@TestPropertySource(properties = "subgraph.security.router-secret=" + RunningCatalog.ROUTER_SECRET)
class InventoryReleaseStatementsTests {

	@DynamicPropertySource
	static void catalog(DynamicPropertyRegistry registry) {
		registry.add("inventory.catalog.url", CatalogLink.get()::url);
	}

	@RegisterExtension
	static RecordReleaseStatements release = new RecordReleaseStatements();

	@LocalServerPort
	int port;

	@Test
	void stockOfProductsByTheirIdsTakingOverOneFromTheCatalog() {
		CatalogLink.get().mode(CatalogLink.Mode.FORWARD);
		String created = RunningCatalog.createProduct(5);
		Response response = GraphQlHttpClient.forPort(this.port)
			.signedWith(RunningCatalog.ROUTER_SECRET)
			.post(StockEntitiesTests.STOCK, Map.of("r", StockEntitiesTests.products("3", "10", "900000", created)),
					TestTokens.forUser("1", "inventory:read"));
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		assertThat(response.data().path("_entities")).hasSize(4);
	}

}
