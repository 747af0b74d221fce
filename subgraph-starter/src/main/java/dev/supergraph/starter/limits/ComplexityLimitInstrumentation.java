package dev.supergraph.starter.limits;

import java.util.Locale;
import java.util.Set;

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
 * {@code products(first: 100) { category { name } }} costs what it will fetch. An
 * operation that passed is not walked again while its document is cached, unless
 * {@code first}, {@code @skip} or {@code @include} take a variable.
 */
class ComplexityLimitInstrumentation extends MaxQueryComplexityInstrumentation {

	private static final String PAGE_SIZE = "first";

	static final FieldComplexityCalculator PAGE_WEIGHTED = (environment, childComplexity) -> {
		Object first = environment.getArguments().get(PAGE_SIZE);
		int multiplier = (first instanceof Integer size && size > 1) ? size : 1;
		return 1 + childComplexity * multiplier;
	};

	private final ErrorMessages messages;

	private final PassedOperations passed;

	ComplexityLimitInstrumentation(int maxComplexity, ErrorMessages messages, int documentsRemembered) {
		super(maxComplexity, PAGE_WEIGHTED);
		this.messages = messages;
		this.passed = new PassedOperations(Set.of(PAGE_SIZE), documentsRemembered);
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
	protected AbortExecutionException mkAbortException(int totalComplexity, int maxComplexity) {
		return new QueryTooComplexException(this.messages, Locale.ENGLISH, "limits.complexity", totalComplexity,
				maxComplexity);
	}

}
