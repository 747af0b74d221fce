package dev.supergraph.starter.limits;

import java.util.Locale;

import dev.supergraph.starter.errors.ErrorMessages;
import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * graphql-java's complexity limit with a cost model for paginated lists: a field costs 1
 * plus its selections, multiplied by its {@code first} argument when it has one, so
 * {@code products(first: 100) { category { name } }} costs what it will fetch.
 */
class ComplexityLimitInstrumentation extends MaxQueryComplexityInstrumentation {

	static final FieldComplexityCalculator PAGE_WEIGHTED = (environment, childComplexity) -> {
		Object first = environment.getArguments().get("first");
		int multiplier = (first instanceof Integer size && size > 1) ? size : 1;
		return 1 + childComplexity * multiplier;
	};

	private final ErrorMessages messages;

	ComplexityLimitInstrumentation(int maxComplexity, ErrorMessages messages) {
		super(maxComplexity, PAGE_WEIGHTED);
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
	protected AbortExecutionException mkAbortException(int totalComplexity, int maxComplexity) {
		return new QueryTooComplexException(this.messages, Locale.ENGLISH, "limits.complexity", totalComplexity,
				maxComplexity);
	}

}
