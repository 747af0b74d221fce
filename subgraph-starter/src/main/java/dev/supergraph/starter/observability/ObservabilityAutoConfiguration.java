package dev.supergraph.starter.observability;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Correlation ids for every request, in the log and in every error a client sees, and the
 * SQL round-trip metric.
 */
@AutoConfiguration
@ConditionalOnWebApplication
public final class ObservabilityAutoConfiguration {

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBooleanProperty(name = "subgraph.observability.sql-metrics", matchIfMissing = true)
	static SqlStatementMetrics sqlStatementMetrics(ObjectProvider<MeterRegistry> registry) {
		return new SqlStatementMetrics(registry);
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RequestIdInterceptor requestIdInterceptor() {
		return new RequestIdInterceptor();
	}

}
