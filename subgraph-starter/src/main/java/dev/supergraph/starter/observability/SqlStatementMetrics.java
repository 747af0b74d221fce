package dev.supergraph.starter.observability;

import java.util.EnumSet;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import net.ttddyy.observation.tracing.DataSourceObservationListener;
import net.ttddyy.observation.tracing.JdbcObservationDocumentation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts database round trips as the metric {@code subgraph.sql.statements} (tag
 * {@code kind}: {@code statement}, {@code commit}, {@code rollback}), so the statement
 * cost of operations is observable in production and measurable end to end, and per
 * operation ({@link OperationStatements}). When tracing is on, every connection and
 * statement of a sampled trace is also a span ({@link SqlSpanSampling}), from
 * datasource-micrometer: the statement's text with its {@code ?} placeholders, never the
 * parameter values.
 */
class SqlStatementMetrics implements BeanPostProcessor {

	static final String METRIC = "subgraph.sql.statements";

	private final ObjectProvider<MeterRegistry> registry;

	private final ObjectProvider<ObservationRegistry> observations;

	private final ObjectProvider<Tracer> tracer;

	SqlStatementMetrics(ObjectProvider<MeterRegistry> registry, ObjectProvider<ObservationRegistry> observations,
			ObjectProvider<Tracer> tracer) {
		this.registry = registry;
		this.observations = observations;
		this.tracer = tracer;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof DataSource dataSource)) {
			return bean;
		}
		Listener listener = new Listener(this.registry.getObject());
		ProxyDataSourceBuilder proxy = ProxyDataSourceBuilder.create(beanName, dataSource)
			.listener(listener)
			.methodListener(listener);
		// Tracer.NOOP (tracing off) would make observations whose spans go nowhere, per
		// statement.
		Tracer tracer = this.tracer.getIfAvailable();
		if (tracer != null && tracer != Tracer.NOOP) {
			DataSourceObservationListener spans = new DataSourceObservationListener(this.observations::getObject);
			spans.setIncludeParameterValues(false);
			spans.setSupportedTypes(
					EnumSet.of(JdbcObservationDocumentation.CONNECTION, JdbcObservationDocumentation.QUERY));
			SqlSpanSampling sampled = new SqlSpanSampling(spans, tracer);
			proxy.listener(sampled).methodListener(sampled);
		}
		return proxy.build();
	}

	private static final class Listener implements QueryExecutionListener, MethodExecutionListener {

		private final Counter statements;

		private final Counter commits;

		private final Counter rollbacks;

		Listener(MeterRegistry registry) {
			this.statements = registry.counter(METRIC, "kind", "statement");
			this.commits = registry.counter(METRIC, "kind", "commit");
			this.rollbacks = registry.counter(METRIC, "kind", "rollback");
		}

		@Override
		public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		}

		@Override
		public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
			this.statements.increment();
			OperationStatements.counted();
		}

		@Override
		public void beforeMethod(MethodExecutionContext executionContext) {
		}

		@Override
		public void afterMethod(MethodExecutionContext executionContext) {
			switch (executionContext.getMethod().getName()) {
				case "commit" -> {
					this.commits.increment();
					OperationStatements.counted();
				}
				case "rollback" -> {
					this.rollbacks.increment();
					OperationStatements.counted();
				}
				default -> {
				}
			}
		}

	}

}
