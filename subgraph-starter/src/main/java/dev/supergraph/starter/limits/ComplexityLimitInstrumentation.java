package dev.supergraph.starter.limits;

import java.util.Locale;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.ErrorMessages;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.AbortExecutionException;

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
	protected AbortExecutionException mkAbortException(int totalComplexity, int maxComplexity) {
		return new QueryTooComplexException(this.messages.get(ErrorCode.QUERY_TOO_COMPLEX, "limits.complexity",
				new Object[] { totalComplexity, maxComplexity }, Locale.ENGLISH));
	}

}
