package dev.supergraph.catalog.cache;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition.Operation;
import org.jspecify.annotations.Nullable;

/**
 * Invalidates the catalog cache when a mutation operation completes: after its writes are
 * committed (resolvers commit before they return) and before its response is written, so
 * no read that follows the response sees rows from before it. Every catalog mutation,
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

}
