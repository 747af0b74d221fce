package dev.supergraph.starter.observability;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;

/**
 * Follows the caller's sampling decision at the door, as the router does: the
 * observations of an unsampled request ({@link UnsampledRequests}) are taken by this
 * handler, first among the tracing handlers, which does nothing, so the request makes no
 * span, opens no span scope and extracts no trace context. Without it, every observation
 * of the nine in ten unsampled requests made a span that records nothing and opened its
 * scope on every thread it reached. The meter handlers still time every observation.
 * <p>
 * The decision is taken once per observation, when it starts, and kept in its context, so
 * an observation that stops on another thread (an async dispatch) stays with this
 * handler.
 */
final class UnsampledRequestTracing implements TracingObservationHandler<Observation.Context> {

	private final Tracer tracer;

	UnsampledRequestTracing(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context.computeIfAbsent(UnsampledRequestTracing.class, (key) -> UnsampledRequests.traceparent() != null);
	}

	@Override
	public void onStart(Observation.Context context) {
		// Spring Boot's tracing-aware meter handler reads it (no span: no scope to open)
		context.put(TracingContext.class, new TracingContext());
	}

	@Override
	public void onStop(Observation.Context context) {
	}

	@Override
	public void onError(Observation.Context context) {
	}

	@Override
	public void onEvent(Observation.Event event, Observation.Context context) {
	}

	@Override
	public void onScopeOpened(Observation.Context context) {
	}

	@Override
	public void onScopeClosed(Observation.Context context) {
	}

	@Override
	public void onScopeReset(Observation.Context context) {
	}

	@Override
	public Tracer getTracer() {
		return this.tracer;
	}

}
