package dev.supergraph.starter.execution;

import java.util.List;
import java.util.concurrent.CompletionStage;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition.Operation;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

/**
 * After each mutation field's resolver, once its value is there or it failed: tells the
 * {@link MutationFieldListener} beans, then empties the request's data loaders. Mutation
 * fields run one after the other, each with its payload, and a loader remembers every key
 * it loaded for the whole request: without this, the payload of a later mutation would be
 * read from what the loaders held before it wrote (a page of the buyer's orders that
 * still shows the order it has just cancelled).
 * <p>
 * Query fields are handed back as they are, after one look at the operation, so the query
 * strategy's one-step scalar reads are untouched; fields of a mutation operation below
 * its root fields are too, after a look at their path.
 */
final class AfterMutationFields extends SimplePerformantInstrumentation {

	private final List<MutationFieldListener> listeners;

	AfterMutationFields(List<MutationFieldListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		if (parameters.getExecutionContext().getOperationDefinition().getOperation() != Operation.MUTATION
				|| parameters.getExecutionStepInfo().getPath().getLevel() != 1) {
			return dataFetcher;
		}
		return (environment) -> {
			Object value;
			try {
				value = dataFetcher.get(environment);
			}
			catch (Exception ex) {
				done(environment);
				throw ex;
			}
			if (value instanceof CompletionStage<?> pending) {
				return pending.whenComplete((result, failure) -> done(environment));
			}
			done(environment);
			return value;
		};
	}

	private void done(DataFetchingEnvironment environment) {
		this.listeners.forEach(MutationFieldListener::mutationFieldDone);
		environment.getDataLoaderRegistry().getDataLoaders().forEach(DataLoader::clearAll);
	}

}
