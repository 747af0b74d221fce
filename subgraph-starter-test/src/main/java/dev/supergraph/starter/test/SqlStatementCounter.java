package dev.supergraph.starter.test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts database round trips of an application in tests: every executed SQL statement (a
 * JDBC batch counts once) plus every {@code COMMIT} and {@code ROLLBACK}, since a
 * transaction around a read costs round trips too. Reads the starter's own
 * {@code subgraph.sql.statements} metric, so tests measure exactly what production
 * reports.
 */
public final class SqlStatementCounter {

	private static final String METRIC = "subgraph.sql.statements";

	private final MeterRegistry registry;

	private double baseline;

	SqlStatementCounter(MeterRegistry registry) {
		this.registry = registry;
	}

	/** Start counting from zero. */
	public void reset() {
		this.baseline = total();
	}

	/**
	 * Round trips since the last reset.
	 * @return SQL statements plus commits and rollbacks
	 */
	public int statements() {
		return (int) (total() - this.baseline);
	}

	private double total() {
		return this.registry.find(METRIC).counters().stream().mapToDouble(Counter::count).sum();
	}

}
