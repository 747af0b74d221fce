package dev.supergraph.catalog.cache;

import java.util.concurrent.CompletionStage;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition.Operation;
import graphql.schema.DataFetcher;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;

/**
 * Invalidates the catalog cache when a mutation field's resolver returns and when a
 * mutation operation completes: after the writes are committed (resolvers commit before
 * they return), before the field's payload is resolved and before the response is
 * written, so no read that follows sees rows from before them: neither the payload of the
 * next mutation of the same operation nor a later request. Every catalog mutation,
 * present or future, is covered without cache code of its own. Also a mutation that
 * failed or was refused invalidates: a write may have committed before a later field
 * failed, and mutations are rare next to reads.
 */
final class InvalidateAfterMutations extends SimplePerformantInstrumentation {

	private final CatalogCache cache;

	InvalidateAfterMutations(CatalogCache cache) {
		this.cache = cache;
	}

	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		if (parameters.getExecutionContext().getOperationDefinition().getOperation() != Operation.MUTATION) {
			return null;
		}
		return SimpleInstrumentationContext.whenCompleted((result, failure) -> this.cache.invalidate());
	}

	/**
	 * A mutation field's resolver, followed by an invalidation once its value is there:
	 * the fields of its payload (a category's product page) read through the cache, and
	 * an earlier mutation of the operation may have filled it.
	 */
	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		if (parameters.getExecutionContext().getOperationDefinition().getOperation() != Operation.MUTATION
				|| parameters.getExecutionStepInfo().getPath().getLevel() != 1) {
			return dataFetcher;
		}
		return (environment) -> {
			Object value = dataFetcher.get(environment);
			Runnable forget = () -> {
				this.cache.invalidate();
				// the request's loaders remember what the mutations before this one read
				environment.getDataLoaderRegistry().getDataLoaders().forEach(DataLoader::clearAll);
			};
			if (value instanceof CompletionStage<?> pending) {
				return pending.whenComplete((result, failure) -> forget.run());
			}
			forget.run();
			return value;
		};
	}

}
