package dev.supergraph.starter.test;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Records the text of every executed SQL statement, as the application hands it to the
 * JDBC driver with the JDBC types of its parameters, by wrapping every {@link DataSource}
 * of the context.
 */
final class SqlTextRecorder implements BeanPostProcessor, QueryExecutionListener {

	private final Queue<ExecutedStatement> executed = new ConcurrentLinkedQueue<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof DataSource dataSource)) {
			return bean;
		}
		return ProxyDataSourceBuilder.create(beanName, dataSource).listener(this).build();
	}

	@Override
	public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
	}

	@Override
	public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		queryInfoList.forEach(
				(query) -> this.executed.add(new ExecutedStatement(query.getQuery(), query.getParametersList().isEmpty()
						? List.of() : ParameterTypes.of(query.getParametersList().get(0)))));
	}

	void clear() {
		this.executed.clear();
	}

	List<String> texts() {
		return this.executed.stream().map(ExecutedStatement::sql).toList();
	}

	List<ExecutedStatement> executed() {
		return List.copyOf(this.executed);
	}

}
