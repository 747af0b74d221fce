package dev.supergraph.microbenchmarks;

import java.util.Map;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * The catalog's part of {@code ProductPage} (20 products with their categories, from the
 * read cache) with the document cache as production keeps it and without it
 * ({@code subgraph.limits.document-cache-size=0}): then every request is parsed,
 * validated and walked by the depth and complexity limits again. The difference is what
 * the cache saves a request of this size.
 */
public class DocumentCacheBenchmark extends Microbenchmark {

	@Param({ "1000", "0" })
	public int documentCacheSize;

	private RunningCatalog catalog;

	@Setup
	public void start() {
		this.catalog = RunningCatalog.start(Map.of("subgraph.limits.document-cache-size", this.documentCacheSize));
		RunningCatalog.productsOf(this.catalog.productPage());
	}

	@Benchmark
	public WebGraphQlResponse productPage() {
		return this.catalog.productPage();
	}

	@TearDown
	public void stop() {
		RunningCatalog.productsOf(this.catalog.productPage());
		this.catalog.close();
	}

}
