package dev.supergraph.starter.observability;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * When the subgraph traces at all (Spring Boot's tracing handlers are there, see
 * {@link TracingSwitch}): no spans for the requests whose caller did not sample their
 * trace ({@link UnsampledRequestTracing}).
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration")
@ConditionalOnClass(DefaultTracingObservationHandler.class)
@ConditionalOnBean(DefaultTracingObservationHandler.class)
public final class UnsampledRequestsAutoConfiguration {

	/** First among the tracing handlers, so that the others never see such a request. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	UnsampledRequestTracing unsampledRequestTracing(Tracer tracer) {
		return new UnsampledRequestTracing(tracer);
	}

}
