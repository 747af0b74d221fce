package dev.supergraph.starter.test;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Wraps the application's {@link DataSource} so tests can count SQL round trips with the
 * {@link SqlStatementCounter} bean. Active wherever this test module is on the classpath.
 */
@AutoConfiguration
public final class StatementCountingAutoConfiguration {

	@Bean
	SqlStatementCounter sqlStatementCounter() {
		return new SqlStatementCounter();
	}

	@Bean
	static BeanPostProcessor statementCountingDataSourcePostProcessor(
			org.springframework.beans.factory.ObjectProvider<SqlStatementCounter> counter) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof DataSource dataSource)) {
					return bean;
				}
				SqlStatementCounter listener = counter.getObject();
				return ProxyDataSourceBuilder.create(beanName, dataSource)
					.listener(listener)
					.methodListener(listener)
					.build();
			}
		};
	}

}
