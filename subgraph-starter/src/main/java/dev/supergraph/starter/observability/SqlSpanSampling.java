package dev.supergraph.starter.observability;

import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.observation.tracing.DataSourceObservationListener;

/**
 * Hands JDBC connections and statements to datasource-micrometer's listener only inside a
 * sampled trace: they are observed for their spans, and in the 90 % of requests whose
 * trace is not sampled the listener would still build an observation context, ask every
 * observation predicate and track the connection's statements and result sets per call.
 * The {@code subgraph.sql.statements} counts do not depend on it. Outside any span
 * (start-up, a background task) the tracer's sampler decides. A request's trace does not
 * change while it holds a connection, so the listener sees each connection's calls from
 * its first to its close, or none of them.
 */
final class SqlSpanSampling implements QueryExecutionListener, MethodExecutionListener {

	private final DataSourceObservationListener spans;

	private final Tracer tracer;

	SqlSpanSampling(DataSourceObservationListener spans, Tracer tracer) {
		this.spans = spans;
		this.tracer = tracer;
	}

	private boolean sampled() {
		Span span = this.tracer.currentSpan();
		return (span == null) || !Boolean.FALSE.equals(span.context().sampled());
	}

	@Override
	public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		if (sampled()) {
			this.spans.beforeQuery(execInfo, queryInfoList);
		}
	}

	@Override
	public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		if (sampled()) {
			this.spans.afterQuery(execInfo, queryInfoList);
		}
	}

	@Override
	public void beforeMethod(MethodExecutionContext executionContext) {
		if (sampled()) {
			this.spans.beforeMethod(executionContext);
		}
	}

	@Override
	public void afterMethod(MethodExecutionContext executionContext) {
		if (sampled()) {
			this.spans.afterMethod(executionContext);
		}
	}

}
