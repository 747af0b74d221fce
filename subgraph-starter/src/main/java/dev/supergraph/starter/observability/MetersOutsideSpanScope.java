package dev.supergraph.starter.observability;

import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingAwareMeterObservationHandler;

/**
 * Records an observation's meters without first making its span the current one. With
 * tracing on, Spring Boot wraps every meter handler in a
 * {@link TracingAwareMeterObservationHandler}, whose only purpose is to let a histogram
 * pick the span up as an exemplar: it opens and closes a span scope (and publishes its
 * events) at every stop of every observation, sampled or not. The subgraphs record no
 * exemplars ({@code management.tracing.exemplars.include=none}), so that scope is pure
 * cost; being a {@code TracingAwareMeterObservationHandler} already, this handler is not
 * wrapped again.
 *
 * @param <T> the observation context
 */
final class MetersOutsideSpanScope<T extends Observation.Context> extends TracingAwareMeterObservationHandler<T> {

	private final MeterObservationHandler<T> meters;

	MetersOutsideSpanScope(MeterObservationHandler<T> meters, Tracer tracer) {
		super(meters, tracer);
		this.meters = meters;
	}

	@Override
	public void onStop(T context) {
		this.meters.onStop(context);
	}

}
