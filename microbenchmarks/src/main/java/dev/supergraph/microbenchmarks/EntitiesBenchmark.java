package dev.supergraph.microbenchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * {@code _entities} for 100 products in a running catalog, from Spring for GraphQL's
 * handler through graphql-java to the result map: the part of the catalog's hottest
 * request that is neither HTTP nor JSON. With the read cache on (as in production) no SQL
 * runs, so this is the execution engine's cost per request; with it off, the products'
 * one {@code select} is added. {@code leanInstrumentation=false} runs the starter's
 * instrumentations in graphql-java's own chain instead of
 * {@code LeanInstrumentationChain}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EntitiesBenchmark {

	@Param({ "true", "false" })
	public boolean leanInstrumentation;

	@Param({ "true", "false" })
	public boolean readCache;

	private RunningCatalog catalog;

	@Setup
	public void start() {
		this.catalog = RunningCatalog.start(Map.of("subgraph.execution.lean-instrumentation", this.leanInstrumentation,
				"catalog.cache.enabled", this.readCache));
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
