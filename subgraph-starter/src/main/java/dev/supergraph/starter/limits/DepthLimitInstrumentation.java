package dev.supergraph.starter.limits;

import graphql.execution.AbortExecutionException;
import graphql.analysis.MaxQueryDepthInstrumentation;

/**
 * graphql-java's depth limit, answering with {@code QUERY_TOO_COMPLEX}.
 */
class DepthLimitInstrumentation extends MaxQueryDepthInstrumentation {

	DepthLimitInstrumentation(int maxDepth) {
		super(maxDepth);
	}

	@Override
	protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
		return new QueryTooComplexException(
				"The operation is nested " + depth + " levels deep; the maximum is " + maxDepth + ".");
	}

}
