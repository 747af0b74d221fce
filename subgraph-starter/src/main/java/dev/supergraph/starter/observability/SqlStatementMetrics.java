package dev.supergraph.starter.observability;

import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts database round trips as the metric {@code subgraph.sql.statements} (tag
 * {@code kind}: {@code statement}, {@code commit}, {@code rollback}), so the statement
 * cost of operations is observable in production and measurable end to end.
 */
class SqlStatementMetrics implements BeanPostProcessor {

	static final String METRIC = "subgraph.sql.statements";

	private final ObjectProvider<MeterRegistry> registry;

	SqlStatementMetrics(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof DataSource dataSource)) {
			return bean;
		}
		Listener listener = new Listener(this.registry.getObject());
		return ProxyDataSourceBuilder.create(beanName, dataSource).listener(listener).methodListener(listener).build();
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
		}

		@Override
		public void beforeMethod(MethodExecutionContext executionContext) {
		}

		@Override
		public void afterMethod(MethodExecutionContext executionContext) {
			switch (executionContext.getMethod().getName()) {
				case "commit" -> this.commits.increment();
				case "rollback" -> this.rollbacks.increment();
				default -> {
				}
			}
		}

	}

}
