package dev.supergraph.starter.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import net.ttddyy.observation.tracing.DataSourceBaseContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * Observes JDBC connections and statements only inside a sampled trace: they are observed
 * for their spans, and in the 90 % of requests whose trace is not sampled each statement
 * would still cost an observation, a non-recording span and timers nobody reads. The
 * {@code subgraph.sql.statements} counts do not depend on it. Outside any span (start-up,
 * a background task) the tracer's sampler decides, as before.
 */
class SqlSpanSampling implements ObservationPredicate {

	// Looked up once: a bean factory lookup per statement cost more than the observation
	// saved.
	private final SingletonSupplier<Tracer> tracer;

	SqlSpanSampling(ObjectProvider<Tracer> tracer) {
		this.tracer = SingletonSupplier.of(tracer::getIfAvailable);
	}

	@Override
	public boolean test(String name, Observation.Context context) {
		if (!(context instanceof DataSourceBaseContext)) {
			return true;
		}
		Tracer current = this.tracer.get();
		Span span = (current != null) ? current.currentSpan() : null;
		return (span == null) || !Boolean.FALSE.equals(span.context().sampled());
	}

}
