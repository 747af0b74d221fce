package dev.supergraph.starter.limits;

import java.time.Duration;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.SubgraphException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

/**
 * Refuses to start fetching fields (other than plain property reads) once a request has
 * run longer than its timeout, so a slow request stops growing. Single slow SQL
 * statements are bounded separately by the database's {@code statement_timeout}.
 */
class TimeoutInstrumentation extends SimplePerformantInstrumentation {

	private final long timeoutNanos;

	TimeoutInstrumentation(Duration timeout) {
		this.timeoutNanos = timeout.toNanos();
	}

	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		return new Deadline(System.nanoTime() + this.timeoutNanos);
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		// A property read cannot make a request slow; only fetchers that do work are
		// checked.
		if (!(state instanceof Deadline deadline) || parameters.isTrivialDataFetcher()) {
			return dataFetcher;
		}
		return (environment) -> {
			if (System.nanoTime() > deadline.nanos()) {
				throw new SubgraphException(ErrorCode.SERVICE_UNAVAILABLE, "limits.timeout",
						Duration.ofNanos(this.timeoutNanos).toMillis());
			}
			return dataFetcher.get(environment);
		};
	}

	private record Deadline(long nanos) implements InstrumentationState {
	}

}
