package dev.supergraph.starter.test;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts database round trips of an application in tests: every executed SQL statement (a
 * JDBC batch counts once) plus every {@code COMMIT} and {@code ROLLBACK}, since a
 * transaction around a read costs round trips too. Reads the starter's own
 * {@code subgraph.sql.statements} metric, so tests measure exactly what production
 * reports. It also keeps the text of each executed statement, to show that a statement
 * does not change with the size of its input.
 */
public final class SqlStatementCounter {

	private static final String METRIC = "subgraph.sql.statements";

	private final MeterRegistry registry;

	private final SqlTextRecorder texts;

	private double baseline;

	SqlStatementCounter(MeterRegistry registry, SqlTextRecorder texts) {
		this.registry = registry;
		this.texts = texts;
	}

	/** Start counting from zero and forget the recorded texts. */
	public void reset() {
		this.baseline = total();
		this.texts.clear();
	}

	/**
	 * Round trips since the last reset.
	 * @return SQL statements plus commits and rollbacks
	 */
	public int statements() {
		return (int) (total() - this.baseline);
	}

	/**
	 * The texts of the SQL statements executed since the last reset, in order, as handed
	 * to the JDBC driver (with {@code ?} placeholders). Commits and rollbacks have none.
	 * @return the statement texts
	 */
	public List<String> texts() {
		return this.texts.texts();
	}

	/**
	 * The statements executed since the last reset, in order, with the JDBC types of
	 * their parameters (for the release record, see
	 * {@code release.RecordReleaseStatements}).
	 * @return the executed statements
	 */
	public List<ExecutedStatement> executed() {
		return this.texts.executed();
	}

	private double total() {
		return this.registry.find(METRIC).counters().stream().mapToDouble(Counter::count).sum();
	}

}
