package dev.supergraph.starter.execution;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import graphql.Profiler;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldValueInfo;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.execution.ResultNodesInfo;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.FieldCollectorParameters;
import graphql.schema.CoercingSerializeException;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

/**
 * graphql-java's query strategy, with a scalar field that its {@link PropertyReader}
 * reads from the parent object served in one step. graphql-java gives every field the
 * same machinery whatever it does: a lazily built environment, an execution step info,
 * three instrumentation parameter objects and their contexts, a second set of strategy
 * parameters for the completion, and two lookups of the field's definition. For
 * {@code _entities} × 100 that is about 800 property reads, most of the request's fields.
 * <p>
 * A field takes the short way only when nothing could tell the difference: the
 * instrumentation is a {@link LeanInstrumentationChain} with no part that begins a
 * field's execution, fetch or completion, and every part hands the reader back unchanged
 * without asking for the environment; the field is a scalar (nullable or not) of an
 * object type, outside {@code @defer}; no result node limit is set; the value read is
 * there, is not a promise, a {@link DataFetcherResult} or a publisher, and its scalar
 * serializes it. The value is read as graphql-java reads it, through the execution's
 * value unboxer, and the data loader dispatch and the profiler are told of the fetch as
 * graphql-java tells them. Anything else (a null, a value its scalar refuses, an error)
 * goes graphql-java's way from the start, so its errors, paths and null propagation are
 * graphql-java's own; a property read has no side effect, so reading it again there
 * changes nothing.
 */
public class ScalarReadsExecutionStrategy extends AsyncExecutionStrategy {

	/**
	 * A strategy whose fetch errors go to the given handler.
	 * @param exceptionHandler the handler graphql-java would give its own strategy
	 */
	public ScalarReadsExecutionStrategy(DataFetcherExceptionHandler exceptionHandler) {
		super(exceptionHandler);
	}

	/**
	 * Completes an object as graphql-java does, with its sub-selection collected once per
	 * request for each field and object type rather than once per object: graphql-java
	 * walks the field's selections again (fragments, type conditions, {@code @skip} and
	 * {@code @include}) for every element of a list, 100 times for {@code _entities} ×
	 * 100, though the answer depends only on the field, the type, the document and the
	 * variables, all fixed within a request.
	 */
	@Override
	protected Object completeValueForObject(ExecutionContext context, ExecutionStrategyParameters parameters,
			GraphQLObjectType type, Object result) {
		if (context.hasIncrementalSupport() || context.getQueryStrategy() != this) {
			return super.completeValueForObject(context, parameters, type, result);
		}
		Map<SelectionOf, MergedSelectionSet> collected = context.getGraphQLContext()
			.computeIfAbsent(SelectionOf.class, (key) -> new ConcurrentHashMap<SelectionOf, MergedSelectionSet>());
		MergedSelectionSet subFields = collected.computeIfAbsent(new SelectionOf(parameters.getField(), type),
				(selection) -> this.fieldCollector.collectFields(FieldCollectorParameters.newParameters()
					.schema(context.getGraphQLSchema())
					.objectType(type)
					.fragments(context.getFragmentsByName())
					.variables(context.getCoercedVariables().toMap())
					.graphQLContext(context.getGraphQLContext())
					.build(), parameters.getField(), false));
		ExecutionStepInfo stepInfo = parameters.getExecutionStepInfo().changeTypeWithPreservedNonNull(type);
		return executeObject(context, parameters
			.transform((builder) -> builder.executionStepInfo(stepInfo).fields(subFields).source(result)));
	}

	/**
	 * A field of the document completed as an object of one type. A merged field is equal
	 * to another only when it holds the same field nodes of the document.
	 */
	private record SelectionOf(MergedField field, GraphQLObjectType type) {

	}

	@Override
	protected Object resolveFieldWithInfo(ExecutionContext context, ExecutionStrategyParameters parameters) {
		Object value = readScalar(context, parameters);
		return (value != null) ? new FieldValueInfo(FieldValueInfo.CompleteValueType.SCALAR, value)
				: super.resolveFieldWithInfo(context, parameters);
	}

	/** The field's serialized value, or null when graphql-java must serve the field. */
	private @Nullable Object readScalar(ExecutionContext context, ExecutionStrategyParameters parameters) {
		if (!(context.getInstrumentation() instanceof LeanInstrumentationChain chain) || chain.hooksFields()
				|| parameters.getDeferredCallContext() != null
				|| context.getGraphQLContext().get(ResultNodesInfo.MAX_RESULT_NODES) != null
				|| !(parameters.getExecutionStepInfo().getUnwrappedNonNullType() instanceof GraphQLObjectType parent)) {
			return null;
		}
		GraphQLFieldDefinition field = parent.getField(parameters.getField().getName());
		if (field == null || !(GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof GraphQLScalarType scalar)
				|| !(context.getGraphQLSchema()
					.getCodeRegistry()
					.getDataFetcher(parent, field) instanceof PropertyReader reader)) {
			return null;
		}
		if (!untouched(chain, reader, context, parameters)) {
			return null;
		}
		Object value;
		try {
			value = context.getValueUnboxer().unbox(reader.get(field, parameters.getSource(), NO_ENVIRONMENT));
		}
		catch (Exception ex) {
			return null;
		}
		if (value == null || value instanceof CompletionStage || value instanceof DataFetcherResult
				|| value instanceof Publisher) {
			return null;
		}
		Object serialized;
		try {
			serialized = scalar.getCoercing().serialize(value, context.getGraphQLContext(), context.getLocale());
		}
		catch (CoercingSerializeException ex) {
			return null;
		}
		if (serialized != null) {
			// what graphql-java's fetch tells others of a fetched field
			context.getResultNodesInfo().incrementAndGetResultNodesCount();
			context.getDataLoaderDispatcherStrategy().fieldFetched(context, parameters, reader, value, NO_ENVIRONMENT);
			Profiler profiler = context.getProfiler();
			if (profiler != Profiler.NO_OP) {
				profiler.fieldFetched(value, reader, reader, parameters.getPath(), field,
						parameters.getExecutionStepInfo().getType());
			}
		}
		return serialized;
	}

	/** Whether every part of the chain leaves this trivial fetcher as it is. */
	private static boolean untouched(LeanInstrumentationChain chain, PropertyReader reader, ExecutionContext context,
			ExecutionStrategyParameters parameters) {
		InstrumentationFieldFetchParameters fetch = new InstrumentationFieldFetchParameters(context, NO_ENVIRONMENT,
				parameters, true);
		try {
			DataFetcher<?> instrumented = chain.instrumentDataFetcher(reader, fetch, context.getInstrumentationState());
			return instrumented == reader;
		}
		catch (EnvironmentWanted ex) {
			return false;
		}
	}

	/**
	 * Stands in for the environment graphql-java builds on demand: whoever asks for it
	 * sends the field graphql-java's way.
	 */
	private static final Supplier<DataFetchingEnvironment> NO_ENVIRONMENT = () -> {
		throw EnvironmentWanted.INSTANCE;
	};

	private static final class EnvironmentWanted extends RuntimeException {

		static final EnvironmentWanted INSTANCE = new EnvironmentWanted();

		private EnvironmentWanted() {
			super("a part wants the field's environment", null, false, false);
		}

	}

}
