package dev.supergraph.starter.test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts database round trips of an application: every executed SQL statement (a JDBC
 * batch counts once) plus every {@code COMMIT} and {@code ROLLBACK}, since a transaction
 * around a read costs round trips too.
 */
public final class SqlStatementCounter implements QueryExecutionListener, MethodExecutionListener {

	private final AtomicInteger queries = new AtomicInteger();

	private final AtomicInteger transactionEnds = new AtomicInteger();

	/** Start counting from zero. */
	public void reset() {
		this.queries.set(0);
		this.transactionEnds.set(0);
	}

	/**
	 * Round trips since the last reset.
	 * @return SQL statements plus commits and rollbacks
	 */
	public int statements() {
		return this.queries.get() + this.transactionEnds.get();
	}

	/**
	 * SQL statements since the last reset, without transaction control.
	 * @return the number of executed statements
	 */
	public int queries() {
		return this.queries.get();
	}

	@Override
	public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
	}

	@Override
	public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		this.queries.incrementAndGet();
	}

	@Override
	public void beforeMethod(MethodExecutionContext executionContext) {
	}

	@Override
	public void afterMethod(MethodExecutionContext executionContext) {
		String method = executionContext.getMethod().getName();
		if (method.equals("commit") || method.equals("rollback")) {
			this.transactionEnds.incrementAndGet();
		}
	}

}
