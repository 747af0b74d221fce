package dev.supergraph.starter.observability;

import java.util.concurrent.ThreadLocalRandom;

import graphql.GraphQLContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;

import org.springframework.graphql.observation.DataFetcherObservationContext;

/**
 * Times resolvers per {@code Type.field} in a sample of requests only: whether a request
 * is sampled is drawn once, at its first observed field, and every field of an unsampled
 * request gets a no-op observation (no timer, no span). Operation metrics, DataLoader
 * batches and SQL are observed in every request.
 */
class FieldSampling implements ObservationPredicate {

	private static final String KEY = FieldSampling.class.getName();

	private final double rate;

	FieldSampling(double rate) {
		this.rate = rate;
	}

	@Override
	public boolean test(String name, Observation.Context context) {
		if (!(context instanceof DataFetcherObservationContext field)) {
			return true;
		}
		if (this.rate >= 1) {
			return true;
		}
		return (this.rate > 0) && sampled(field.getEnvironment().getGraphQlContext());
	}

	private boolean sampled(GraphQLContext request) {
		Boolean sampled = request.get(KEY);
		if (sampled == null) {
			sampled = request.computeIfAbsent(KEY, (key) -> ThreadLocalRandom.current().nextDouble() < this.rate);
		}
		return sampled;
	}

}
