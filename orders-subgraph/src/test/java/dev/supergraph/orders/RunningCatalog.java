package dev.supergraph.orders;

import dev.supergraph.catalog.CatalogApplication;
import dev.supergraph.starter.test.RunningSubgraph;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real catalog subgraph for the placeOrder tests, with its seed catalog, started once
 * per JVM on first use (see {@link RunningSubgraph}). Its migrations are read from the
 * default location: the orders' live elsewhere for this reason.
 */
final class RunningCatalog {

	private static final RunningSubgraph catalog = RunningSubgraph.of(CatalogApplication.class, "catalog",
			"classpath:db/migration");

	private static final RunningSubgraph rateLimitedCatalog = RunningSubgraph.of(CatalogApplication.class, "catalog",
			"classpath:db/migration", "--subgraph.rate-limit.requests-per-minute=1");

	private RunningCatalog() {
	}

	/**
	 * The GraphQL endpoint of the running catalog, started on first use.
	 * @return the URL
	 */
	static String url() {
		return catalog.url().toString();
	}

	static ConfigurableApplicationContext context() {
		return catalog.context();
	}

	/**
	 * The GraphQL endpoint of a second catalog, started on first use, whose rate limit
	 * gives each client one request a minute: the second request of a client within a
	 * minute is refused with HTTP 429.
	 * @return the URL
	 */
	static String rateLimitedUrl() {
		return rateLimitedCatalog.url().toString();
	}

}
