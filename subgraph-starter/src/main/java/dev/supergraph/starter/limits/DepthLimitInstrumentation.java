package dev.supergraph.starter.limits;

import java.util.Locale;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.ErrorMessages;
import graphql.execution.AbortExecutionException;
import graphql.analysis.MaxQueryDepthInstrumentation;

/**
 * graphql-java's depth limit, answering with {@code QUERY_TOO_COMPLEX}.
 */
class DepthLimitInstrumentation extends MaxQueryDepthInstrumentation {

	private final ErrorMessages messages;

	DepthLimitInstrumentation(int maxDepth, ErrorMessages messages) {
		super(maxDepth);
		this.messages = messages;
	}

	@Override
	protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
		// the instrumentation does not see the request's locale: the bundle's default
		// language
		return new QueryTooComplexException(this.messages.get(ErrorCode.QUERY_TOO_COMPLEX, "limits.depth",
				new Object[] { depth, maxDepth }, Locale.ENGLISH));
	}

}
