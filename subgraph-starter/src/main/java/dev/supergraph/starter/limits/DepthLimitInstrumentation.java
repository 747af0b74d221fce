package dev.supergraph.starter.limits;

import java.util.Locale;
import java.util.Set;

import dev.supergraph.starter.errors.ErrorMessages;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * The depth limit, measured with every fragment spread where it stands
 * ({@link OperationSize}): an operation over it is refused with {@code QUERY_TOO_COMPLEX}
 * before anything runs. An operation that passed is not measured again while its document
 * is cached, unless {@code @skip} or {@code @include} take a variable.
 */
class DepthLimitInstrumentation extends SimplePerformantInstrumentation {

	private final int maxDepth;

	private final ErrorMessages messages;

	private final PassedOperations passed;

	DepthLimitInstrumentation(int maxDepth, ErrorMessages messages, int documentsRemembered) {
		this.maxDepth = maxDepth;
		this.messages = messages;
		this.passed = new PassedOperations((schema) -> Set.of(), documentsRemembered);
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		try {
			return this.passed.checkOnce(context, () -> check(context));
		}
		catch (QueryTooComplexException ex) {
			throw ex.inLocale(this.messages, Locales.of(context.getLocale()));
		}
	}

	private InstrumentationContext<ExecutionResult> check(ExecutionContext context) {
		int depth = OperationSize.depth(OperationSize.of(context, this.messages));
		if (depth > this.maxDepth) {
			throw new QueryTooComplexException(this.messages, Locale.ENGLISH, "limits.depth", depth, this.maxDepth);
		}
		return SimpleInstrumentationContext.noOp();
	}

}
