package dev.supergraph.starter.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Counts database round trips as the metric {@code subgraph.sql.statements} (tag
 * {@code kind}: {@code statement}, {@code commit}, {@code rollback}) and per request
 * ({@link OperationStatements}), so the statement cost of operations is observable in
 * production and measurable end to end. Statements are counted by the application's
 * {@link CountingJdbcTemplate}, commits and rollbacks as Spring's transaction manager
 * reports them (Spring Boot registers this listener with it): nothing wraps the JDBC
 * calls themselves, which a proxy would do on every call of every request.
 */
final class SqlStatementCounts implements TransactionExecutionListener {

	static final String METRIC = "subgraph.sql.statements";

	private final Counter statements;

	private final Counter commits;

	private final Counter rollbacks;

	SqlStatementCounts(MeterRegistry registry) {
		this.statements = registry.counter(METRIC, "kind", "statement");
		this.commits = registry.counter(METRIC, "kind", "commit");
		this.rollbacks = registry.counter(METRIC, "kind", "rollback");
	}

	/** One SQL statement sent to the database (a JDBC batch is one). */
	void statement() {
		this.statements.increment();
		OperationStatements.counted();
	}

	@Override
	public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
		this.commits.increment();
		OperationStatements.counted();
	}

	@Override
	public void afterRollback(TransactionExecution transaction, @Nullable Throwable rollbackFailure) {
		this.rollbacks.increment();
		OperationStatements.counted();
	}

}
