package dev.supergraph.starter.limits;

import java.util.Locale;

import dev.supergraph.starter.errors.ErrorMessages;
import graphql.ExecutionResult;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

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
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		try {
			return super.beginExecuteOperation(parameters, state);
		}
		catch (QueryTooComplexException ex) {
			throw ex.inLocale(this.messages, Locales.of(parameters.getExecutionContext().getLocale()));
		}
	}

	@Override
	protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
		return new QueryTooComplexException(this.messages, Locale.ENGLISH, "limits.depth", depth, maxDepth);
	}

}
