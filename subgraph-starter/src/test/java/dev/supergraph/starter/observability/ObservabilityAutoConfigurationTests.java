package dev.supergraph.starter.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraphQL metrics are on in every subgraph, their SQL part can be turned off
 * ({@link SqlMetricsTests} for the rest of it), and a subgraph's own observation
 * convention takes precedence.
 */
class ObservabilityAutoConfigurationTests {

	final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void operationFieldBatchAndErrorMetricsAreOnByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(OperationObservationConvention.class)
			.hasSingleBean(FieldObservationConvention.class)
			.hasSingleBean(FieldSampling.class)
			.hasSingleBean(BatchSizeMetrics.class)
			.hasSingleBean(OperationMetricsInterceptor.class)
			.hasBean("operationStatementsFilter"));
	}

	@Test
	void sqlMetricsCanBeTurnedOff() {
		this.runner.withPropertyValues("subgraph.observability.sql-metrics=false")
			.run((context) -> assertThat(context).doesNotHaveBean("operationStatementsFilter"));
	}

	@Test
	void aSubgraphsOwnRequestConventionTakesPrecedence() {
		ExecutionRequestObservationConvention own = new DefaultExecutionRequestObservationConvention();
		this.runner.withBean(ExecutionRequestObservationConvention.class, () -> own)
			.run((context) -> assertThat(context).getBean(ExecutionRequestObservationConvention.class).isSameAs(own));
	}

}
