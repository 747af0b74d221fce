package dev.supergraph.microbenchmarks;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The microbenchmarks measure the request they claim to: a catalog on real PostgreSQL
 * answers the 100 products in the configurations {@link EntitiesBenchmark} compares, with
 * its read cache or one statement, and an answer without them stops the benchmark;
 * {@link DocumentCacheBenchmark}'s page is served from the document cache or parsed
 * again, as its configurations say.
 */
class MicrobenchmarkSetupTests {

	@Test
	void everyComparedConfigurationAnswersTheProducts() {
		for (boolean lean : List.of(true, false)) {
			for (boolean cache : List.of(true, false)) {
				// graphql-java's own strategy beside the starter's, with the lean chain
				// only:
				// the chain graphql-java builds sends every field graphql-java's way
				// anyway
				boolean scalarReads = !lean || !cache;
				try (RunningCatalog catalog = RunningCatalog.start(Map.of("subgraph.execution.lean-instrumentation",
						lean, "catalog.cache.enabled", cache, "subgraph.execution.scalar-reads", scalarReads))) {
					RunningCatalog.entitiesOf(catalog.entities());
					double before = sqlStatements(catalog);
					assertThat(RunningCatalog.entitiesOf(catalog.entities()))
						.as("lean instrumentation %s, read cache %s, scalar reads %s", lean, cache, scalarReads)
						.extracting((product) -> product.get("id"))
						.startsWith("1", "2", "3")
						.doesNotHaveDuplicates();
					// the read cache serves a repeated request; without it, one select
					assertThat(sqlStatements(catalog) - before).isEqualTo(cache ? 0 : 1);
				}
			}
		}
	}

	@Test
	void theDocumentCacheIsUsedOrNotAsCompared() {
		for (int size : List.of(1000, 0)) {
			try (RunningCatalog catalog = RunningCatalog.start(Map.of("subgraph.limits.document-cache-size", size))) {
				RunningCatalog.productsOf(catalog.productPage());
				double hits = documentCacheGets(catalog, "hit");
				assertThat(RunningCatalog.productsOf(catalog.productPage())).as("cache size %s", size)
					.extracting((product) -> product.get("category"))
					.doesNotContainNull();
				// a repeated document is a hit, unless nothing is kept: then it is parsed
				// again
				assertThat(documentCacheGets(catalog, "hit") - hits).as("cache size %s", size)
					.isEqualTo((size > 0) ? 1 : 0);
			}
		}
	}

	private static double documentCacheGets(RunningCatalog catalog, String result) {
		return catalog.bean(MeterRegistry.class)
			.get("cache.gets")
			.tags("cache", "graphql.documents", "result", result)
			.functionCounter()
			.count();
	}

	private static double sqlStatements(RunningCatalog catalog) {
		return catalog.bean(MeterRegistry.class)
			.find("subgraph.sql.statements")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	@Test
	void anAnswerWithoutTheProductsIsNotMeasured() {
		try (RunningCatalog catalog = RunningCatalog.start(Map.of())) {
			assertThatIllegalStateException()
				.isThrownBy(() -> RunningCatalog.entitiesOf(catalog.execute(RunningCatalog.entitiesBody(List.of("1")))))
				.withMessageContaining("did not answer 100 products");
			assertThatIllegalStateException()
				.isThrownBy(() -> RunningCatalog
					.entitiesOf(catalog.execute(Map.of("query", "{ _entities(representations: 1) { __typename } }"))))
				.withMessageContaining("answered errors");
		}
	}

}
