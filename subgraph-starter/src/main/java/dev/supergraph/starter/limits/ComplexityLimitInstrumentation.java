package dev.supergraph.starter.limits;

import java.util.Locale;

import dev.supergraph.starter.errors.ErrorMessages;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * The complexity limit, the router's cost estimate made again for the request the
 * subgraph got ({@link OperationCost}): an operation over it is refused with
 * {@code QUERY_TOO_COMPLEX} before anything runs, as is one that gives a field more
 * slicing arguments than it allows ({@code BAD_USER_INPUT},
 * {@link SlicingArgumentsException}). An operation that passed is not measured again
 * while its document is cached, unless a slicing argument of the schema's
 * {@code @listSize} ({@code first} of every connection), {@code @skip} or
 * {@code @include} takes a variable.
 */
class ComplexityLimitInstrumentation extends SimplePerformantInstrumentation {

	private final int maxComplexity;

	private final ErrorMessages messages;

	private final PassedOperations passed;

	ComplexityLimitInstrumentation(int maxComplexity, ErrorMessages messages, int documentsRemembered) {
		this.maxComplexity = maxComplexity;
		this.messages = messages;
		this.passed = new PassedOperations(SlicingArguments::of, documentsRemembered);
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
		catch (SlicingArgumentsException ex) {
			throw ex.inLocale(this.messages, Locales.of(context.getLocale()));
		}
	}

	private InstrumentationContext<ExecutionResult> check(ExecutionContext context) {
		int complexity = OperationCost.of(OperationSize.of(context, this.messages), context.getGraphQLSchema(),
				this.messages);
		if (complexity > this.maxComplexity) {
			throw new QueryTooComplexException(this.messages, Locale.ENGLISH, "limits.complexity", complexity,
					this.maxComplexity);
		}
		return SimpleInstrumentationContext.noOp();
	}

}
