package dev.supergraph.starter.limits;

import java.util.Locale;
import java.util.Set;

import dev.supergraph.starter.errors.ErrorMessages;
import graphql.ExecutionResult;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * graphql-java's depth limit, answering with {@code QUERY_TOO_COMPLEX}. An operation that
 * passed is not walked again while its document is cached, unless {@code @skip} or
 * {@code @include} take a variable.
 */
class DepthLimitInstrumentation extends MaxQueryDepthInstrumentation {

	private final ErrorMessages messages;

	private final PassedOperations passed;

	DepthLimitInstrumentation(int maxDepth, ErrorMessages messages, int documentsRemembered) {
		super(maxDepth);
		this.messages = messages;
		this.passed = new PassedOperations(Set.of(), documentsRemembered);
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		try {
			return this.passed.checkOnce(parameters.getExecutionContext(),
					() -> super.beginExecuteOperation(parameters, state));
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
