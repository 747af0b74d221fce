package dev.supergraph.starter.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.observation.DataFetcherObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;

/**
 * Correlation ids for every request, in the log and in every error a client sees; the SQL
 * round trips per request ({@link SqlMetricsAutoConfiguration} counts them); and the
 * GraphQL metrics per operation, client and {@code Type.field} on top of Spring for
 * GraphQL's observations (docs/observability.md).
 */
@AutoConfiguration(
		beforeName = { "org.springframework.boot.graphql.autoconfigure.observation.GraphQlObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration" })
@ConditionalOnWebApplication
@EnableConfigurationProperties(ObservabilityProperties.class)
public final class ObservabilityAutoConfiguration {

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RequestIdInterceptor requestIdInterceptor() {
		return new RequestIdInterceptor();
	}

	/**
	 * No error's message in an exported span ({@link SpanErrorMessages}): whenever
	 * OpenTelemetry's SDK is there to export spans.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.opentelemetry.sdk.trace.export.SpanExporter")
	static class SpanExportConfiguration {

		@Bean
		static BeanPostProcessor spanErrorMessages() {
			return SpanErrorMessages.wrappingExporters();
		}

	}

	/**
	 * The metrics of operations, fields, batches and errors, and every observation's
	 * timer ({@link ObservationTimers}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class GraphQlMetricsConfiguration {

		private final OperationNames names;

		private final ClientLabels clients;

		GraphQlMetricsConfiguration(ObservabilityProperties properties) {
			this.names = new OperationNames(properties.maxOperationNames());
			this.clients = new ClientLabels(properties.maxClientNames());
		}

		@Bean
		@ConditionalOnMissingBean
		ExecutionRequestObservationConvention operationObservationConvention() {
			return new OperationObservationConvention(this.names, this.clients);
		}

		@Bean
		@ConditionalOnMissingBean
		DataFetcherObservationConvention fieldObservationConvention() {
			return new FieldObservationConvention();
		}

		@Bean
		FieldSampling fieldSampling(ObservabilityProperties properties) {
			return new FieldSampling(properties.fieldSampleRate());
		}

		/** Ahead of Spring Boot's meter handler, so that it records every timer. */
		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		ObservationTimers observationTimers(MeterRegistry registry, ObjectProvider<MetricsProperties> properties) {
			boolean longTaskTimers = properties.getIfAvailable(MetricsProperties::new)
				.getObservations()
				.getIgnoredMeters()
				.stream()
				.noneMatch(IgnoredMeters.LONG_TASK_TIMER::equals);
			return new ObservationTimers(registry, longTaskTimers);
		}

		@Bean
		BatchSizeMetrics batchSizeMetrics(MeterRegistry registry) {
			return new BatchSizeMetrics(registry);
		}

		@Bean
		OperationMetricsInterceptor operationMetricsInterceptor(MeterRegistry registry) {
			return new OperationMetricsInterceptor(registry, this.names, this.clients);
		}

		@Bean
		@ConditionalOnBooleanProperty(name = "subgraph.observability.sql-metrics", matchIfMissing = true)
		FilterRegistrationBean<OperationStatementsFilter> operationStatementsFilter() {
			FilterRegistrationBean<OperationStatementsFilter> registration = new FilterRegistrationBean<>(
					new OperationStatementsFilter());
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
			return registration;
		}

	}

}
