package dev.supergraph.microbenchmarks;

import java.util.Map;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * {@code _entities} for 100 products in a running catalog, from Spring for GraphQL's
 * handler through graphql-java to the result map: the part of the catalog's hottest
 * request that is neither HTTP nor JSON. With the read cache on (as in production) no SQL
 * runs, so this is the execution engine's cost per request; with it off, the products'
 * one {@code select} is added. {@code leanInstrumentation=false} runs the starter's
 * instrumentations in graphql-java's own chain instead of
 * {@code LeanInstrumentationChain}; {@code scalarReads=false} runs queries on
 * graphql-java's strategy instead of {@code ScalarReadsExecutionStrategy}.
 */
public class EntitiesBenchmark extends Microbenchmark {

	@Param({ "true", "false" })
	public boolean leanInstrumentation;

	@Param({ "true", "false" })
	public boolean readCache;

	@Param({ "true", "false" })
	public boolean scalarReads;

	private RunningCatalog catalog;

	@Setup
	public void start() {
		this.catalog = RunningCatalog.start(Map.of("subgraph.execution.lean-instrumentation", this.leanInstrumentation,
				"catalog.cache.enabled", this.readCache, "subgraph.execution.scalar-reads", this.scalarReads));
		RunningCatalog.entitiesOf(this.catalog.entities());
	}

	@Benchmark
	public WebGraphQlResponse entities() {
		return this.catalog.entities();
	}

	@TearDown
	public void stop() {
		RunningCatalog.entitiesOf(this.catalog.entities());
		this.catalog.close();
	}

}
