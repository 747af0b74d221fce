package dev.supergraph.starter.observability;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.springframework.graphql.observation.DataLoaderObservationContext;

/**
 * Records the size of every DataLoader batch as {@code graphql.dataloader.batch.size}
 * (label {@code loader}): how many keys one SQL query answered, the measure of how well
 * N+1 is avoided. The span of the batch carries the same size as
 * {@code graphql.loader.size}.
 */
class BatchSizeMetrics implements ObservationHandler<DataLoaderObservationContext> {

	static final String METRIC = "graphql.dataloader.batch.size";

	private final MeterRegistry registry;

	BatchSizeMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof DataLoaderObservationContext;
	}

	@Override
	public void onStop(DataLoaderObservationContext context) {
		String loader = context.getDataLoader().getName();
		DistributionSummary.builder(METRIC)
			.tag("loader", (loader != null) ? loader : "unknown")
			.serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100, 200)
			.register(this.registry)
			.record(context.getKeys().size());
	}

}
