package dev.supergraph.starter.observability;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out traced connections (their statements observed, and so spans) only inside a
 * sampled trace, and the pool's own connections otherwise (in a request whose caller did
 * not sample it, {@link UnsampledRequests}, there is no span to ask): the 90 % of
 * requests whose trace is not sampled call JDBC without a proxy in between. Outside any
 * span (start-up, a background task) the traced connection lets the tracer's sampler
 * decide. A request's trace does not change while it holds a connection, so a connection
 * is traced from its first call to its close, or not at all.
 */
final class SampledTraceDataSource extends DelegatingDataSource {

	private final DataSource traced;

	private final Tracer tracer;

	SampledTraceDataSource(DataSource target, DataSource traced, Tracer tracer) {
		super(target);
		this.traced = traced;
		this.tracer = tracer;
	}

	private DataSource current() {
		if (UnsampledRequests.traceparent() != null) {
			return obtainTargetDataSource();
		}
		Span span = this.tracer.currentSpan();
		boolean sampled = (span == null) || !Boolean.FALSE.equals(span.context().sampled());
		return sampled ? this.traced : obtainTargetDataSource();
	}

	@Override
	public Connection getConnection() throws SQLException {
		return current().getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return current().getConnection(username, password);
	}

}
