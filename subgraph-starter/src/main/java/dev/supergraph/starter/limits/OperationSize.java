package dev.supergraph.starter.limits;

import java.util.Locale;

import dev.supergraph.starter.errors.ErrorMessages;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;

/**
 * The operation an execution runs, as the depth and complexity limits measure it
 * ({@link OperationCost}): graphql-java's normalized operation, with every fragment
 * spread expanded where it stands, fields of the same response key merged, {@code @skip}
 * and {@code @include} applied with the request's variables. graphql-java's own depth and
 * complexity walks descend into a fragment only at its first spread, so a fragment
 * repeated under many aliases or spread deeper than its first use was measured once, at
 * the shallowest place.
 */
final class OperationSize {

	private OperationSize() {
	}

	/**
	 * @return the execution's normalized operation (graphql-java builds it once per
	 * execution), refused as too complex when it has more fields than graphql-java
	 * expands
	 */
	static ExecutableNormalizedOperation of(ExecutionContext context, ErrorMessages messages) {
		try {
			return context.getNormalizedQueryTree().get();
		}
		catch (AbortExecutionException ex) {
			int maxFields = ExecutableNormalizedOperationFactory.Options.defaultOptions().getMaxFieldsCount();
			throw new QueryTooComplexException(messages, Locale.ENGLISH, "limits.fields", maxFields);
		}
	}

	/**
	 * @return how many levels deep the deepest field is, the root fields being level 1
	 */
	static int depth(ExecutableNormalizedOperation operation) {
		return operation.getOperationDepth();
	}

}
