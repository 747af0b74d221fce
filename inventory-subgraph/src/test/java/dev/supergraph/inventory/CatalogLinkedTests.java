package dev.supergraph.inventory;

import dev.supergraph.starter.test.SubgraphTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * An inventory whose calls to the catalog go through {@link CatalogLink} to the real
 * catalog of {@link RunningCatalog}, signed with the router secret they share: the tests
 * of taking stock over from the catalog.
 */
@SubgraphTest
@TestPropertySource(properties = "subgraph.security.router-secret=" + RunningCatalog.ROUTER_SECRET)
abstract class CatalogLinkedTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	CatalogLink catalog = CatalogLink.get();

	@DynamicPropertySource
	static void catalog(DynamicPropertyRegistry registry) {
		registry.add("inventory.catalog.url", CatalogLink.get()::url);
	}

}
