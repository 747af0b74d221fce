package dev.supergraph.starter.test;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Records the text of every executed SQL statement, as the application hands it to the
 * JDBC driver, with the JDBC types of its parameters and the columns of its result, by
 * wrapping every {@link DataSource} of the context.
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
		List<String> columns = columns(execInfo.getResult());
		queryInfoList.forEach((query) -> this.executed.add(new ExecutedStatement(query.getQuery(),
				query.getParametersList().isEmpty() ? List.of() : ParameterTypes.of(query.getParametersList().get(0)),
				columns)));
	}

	private static List<String> columns(@Nullable Object result) {
		if (!(result instanceof ResultSet rows)) {
			return List.of();
		}
		try {
			ResultSetMetaData metaData = rows.getMetaData();
			List<String> labels = new ArrayList<>();
			for (int i = 1; i <= metaData.getColumnCount(); i++) {
				labels.add(metaData.getColumnLabel(i));
			}
			return labels;
		}
		catch (SQLException ex) {
			return List.of();
		}
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
