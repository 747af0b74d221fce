package dev.supergraph.starter.limits;

import java.util.List;
import java.util.Locale;

import dev.supergraph.starter.errors.ErrorMessages;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;

/**
 * The depth and the page-weighted complexity of the operation an execution runs, measured
 * on graphql-java's normalized operation: every fragment spread expanded where it stands,
 * fields of the same response key merged, {@code @skip} and {@code @include} applied with
 * the request's variables. graphql-java's own depth and complexity walks descend into a
 * fragment only at its first spread, so a fragment repeated under many aliases or spread
 * deeper than its first use was measured once, at the shallowest place.
 */
final class OperationSize {

	/** The page size argument: a field's selections cost this many times over. */
	static final String PAGE_SIZE = "first";

	private static final String TYPENAME = "__typename";

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

	/**
	 * A field costs 1 plus its selections, multiplied by its {@code first} argument when
	 * that is over 1, so {@code products(first: 100) { category { name } }} costs what it
	 * will fetch; {@code __typename} costs nothing.
	 * @return the operation's complexity, at most {@link Integer#MAX_VALUE}
	 */
	static int complexity(ExecutableNormalizedOperation operation) {
		return complexity(operation.getTopLevelFields());
	}

	private static int complexity(List<ExecutableNormalizedField> fields) {
		long total = 0;
		for (ExecutableNormalizedField field : fields) {
			if (field.getFieldName().equals(TYPENAME)) {
				continue;
			}
			Object first = field.getResolvedArguments().get(PAGE_SIZE);
			long multiplier = (first instanceof Integer size && size > 1) ? size : 1;
			// Both factors are ints, so the product fits a long; the sum saturates.
			total = Math.min(Integer.MAX_VALUE, total + 1 + complexity(field.getChildren()) * multiplier);
		}
		return (int) total;
	}

}
