package dev.supergraph.starter.execution;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import org.jspecify.annotations.Nullable;

/**
 * A subgraph's instrumentations as one, where each hook calls only the parts that
 * implement it. graphql-java's {@link ChainedInstrumentation} calls every part at every
 * hook of every field (six hooks for each of the ~900 fields of 100 entities) and wraps
 * every answer, although all but one or two parts do nothing per field: a profile of the
 * catalog's {@code _entities} put 23 % of its CPU in that plumbing. The parts, their
 * order and their states are the same as in the chain; a hook no part implements costs
 * one array-length check.
 * <p>
 * Hooks whose contexts have their own types ({@code beginExecutionStrategy},
 * {@code beginExecuteObject}, {@code beginFieldFetching}) are combined only when at most
 * one part implements them, and subscriptions are not forwarded at all; otherwise
 * {@link #of} falls back to graphql-java's chain.
 */
public final class LeanInstrumentationChain extends SimplePerformantInstrumentation {

	private static final Set<Class<?>> NO_OP_DECLARERS = Set.of(Instrumentation.class,
			SimplePerformantInstrumentation.class);

	private final Instrumentation[] parts;

	private final int[] createState;

	private final int[] beginExecution;

	private final int[] beginParse;

	private final int[] beginValidation;

	private final int[] beginExecuteOperation;

	private final int[] beginExecutionStrategy;

	private final int[] beginExecuteObject;

	private final int[] beginFieldExecution;

	private final int[] beginFieldFetching;

	private final int[] beginFieldCompletion;

	private final int[] beginFieldListCompletion;

	private final int[] beginDeferredField;

	private final int[] instrumentExecutionInput;

	private final int[] instrumentDocumentAndVariables;

	private final int[] instrumentSchema;

	private final int[] instrumentExecutionContext;

	private final int[] instrumentDataFetcher;

	private final int[] instrumentExecutionResult;

	private LeanInstrumentationChain(List<? extends Instrumentation> parts) {
		this.parts = parts.toArray(Instrumentation[]::new);
		this.createState = implementers("createStateAsync", "createState");
		this.beginExecution = implementers("beginExecution");
		this.beginParse = implementers("beginParse");
		this.beginValidation = implementers("beginValidation");
		this.beginExecuteOperation = implementers("beginExecuteOperation");
		this.beginExecutionStrategy = implementers("beginExecutionStrategy");
		this.beginExecuteObject = implementers("beginExecuteObject");
		this.beginFieldExecution = implementers("beginFieldExecution");
		this.beginFieldFetching = implementers("beginFieldFetching", "beginFieldFetch");
		this.beginFieldCompletion = implementers("beginFieldCompletion");
		this.beginFieldListCompletion = implementers("beginFieldListCompletion");
		this.beginDeferredField = implementers("beginDeferredField");
		this.instrumentExecutionInput = implementers("instrumentExecutionInput");
		this.instrumentDocumentAndVariables = implementers("instrumentDocumentAndVariables");
		this.instrumentSchema = implementers("instrumentSchema");
		this.instrumentExecutionContext = implementers("instrumentExecutionContext");
		this.instrumentDataFetcher = implementers("instrumentDataFetcher");
		this.instrumentExecutionResult = implementers("instrumentExecutionResult");
	}

	/**
	 * The instrumentation that graphql-java should run for these parts, in this order.
	 * @param parts the instrumentations, in the order they apply
	 * @return a lean chain, or graphql-java's chain when two parts implement a hook with
	 * its own context type or a part instruments subscriptions or reactive results
	 */
	public static Instrumentation of(List<? extends Instrumentation> parts) {
		LeanInstrumentationChain lean = new LeanInstrumentationChain(parts);
		if (lean.beginExecutionStrategy.length > 1 || lean.beginExecuteObject.length > 1
				|| lean.beginFieldFetching.length > 1
				|| lean.implementers("beginSubscribedFieldEvent", "beginReactiveResults").length > 0) {
			return new ChainedInstrumentation(List.copyOf(parts));
		}
		return lean;
	}

	/**
	 * How many parts implement a hook, for tests.
	 * @param hook a hook's method name, e.g. {@code instrumentDataFetcher}
	 * @return the number of parts that implement it
	 */
	int implementersOf(String hook) {
		return implementers(hook).length;
	}

	/**
	 * Whether a part begins a field's execution, fetch, completion or list completion:
	 * hooks graphql-java calls with parameters of their own for every field.
	 * {@link ScalarReadsExecutionStrategy} reads scalars in one step only when none does.
	 * @return true when some part implements one of them
	 */
	public boolean hooksFields() {
		return this.beginFieldExecution.length > 0 || this.beginFieldFetching.length > 0
				|| this.beginFieldCompletion.length > 0 || this.beginFieldListCompletion.length > 0;
	}

	@Override
	public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
		InstrumentationState[] states = new InstrumentationState[this.parts.length];
		List<CompletableFuture<?>> pending = new ArrayList<>(this.createState.length);
		for (int index : this.createState) {
			CompletableFuture<InstrumentationState> state = this.parts[index].createStateAsync(parameters);
			if (state != null) {
				pending.add(state.thenAccept((value) -> states[index] = value));
			}
		}
		PartStates result = new PartStates(states);
		return pending.isEmpty() ? CompletableFuture.completedFuture(result)
				: CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).thenApply((ignored) -> result);
	}

	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecution(
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		return (this.beginExecution.length == 0) ? null
				: contexts(this.beginExecution, state, (part, own) -> part.beginExecution(parameters, own));
	}

	@Override
	public @Nullable InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		return (this.beginParse.length == 0) ? null
				: contexts(this.beginParse, state, (part, own) -> part.beginParse(parameters, own));
	}

	@Override
	public @Nullable InstrumentationContext<List<ValidationError>> beginValidation(
			InstrumentationValidationParameters parameters, InstrumentationState state) {
		return (this.beginValidation.length == 0) ? null
				: contexts(this.beginValidation, state, (part, own) -> part.beginValidation(parameters, own));
	}

	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		return (this.beginExecuteOperation.length == 0) ? null : contexts(this.beginExecuteOperation, state,
				(part, own) -> part.beginExecuteOperation(parameters, own));
	}

	@Override
	public ExecutionStrategyInstrumentationContext beginExecutionStrategy(
			InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
		if (this.beginExecutionStrategy.length == 0) {
			return super.beginExecutionStrategy(parameters, state);
		}
		int index = this.beginExecutionStrategy[0];
		return this.parts[index].beginExecutionStrategy(parameters, stateOf(state, index));
	}

	@Override
	public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
			InstrumentationState state) {
		if (this.beginExecuteObject.length == 0) {
			return super.beginExecuteObject(parameters, state);
		}
		int index = this.beginExecuteObject[0];
		return this.parts[index].beginExecuteObject(parameters, stateOf(state, index));
	}

	@Override
	public @Nullable InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
			InstrumentationState state) {
		return (this.beginFieldExecution.length == 0) ? null
				: contexts(this.beginFieldExecution, state, (part, own) -> part.beginFieldExecution(parameters, own));
	}

	@Override
	public @Nullable FieldFetchingInstrumentationContext beginFieldFetching(
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		if (this.beginFieldFetching.length == 0) {
			return null;
		}
		int index = this.beginFieldFetching[0];
		return this.parts[index].beginFieldFetching(parameters, stateOf(state, index));
	}

	@Override
	public @Nullable InstrumentationContext<Object> beginFieldCompletion(
			InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
		return (this.beginFieldCompletion.length == 0) ? null
				: contexts(this.beginFieldCompletion, state, (part, own) -> part.beginFieldCompletion(parameters, own));
	}

	@Override
	public @Nullable InstrumentationContext<Object> beginFieldListCompletion(
			InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
		return (this.beginFieldListCompletion.length == 0) ? null : contexts(this.beginFieldListCompletion, state,
				(part, own) -> part.beginFieldListCompletion(parameters, own));
	}

	@Override
	public @Nullable InstrumentationContext<Object> beginDeferredField(InstrumentationFieldParameters parameters,
			InstrumentationState state) {
		return (this.beginDeferredField.length == 0) ? null
				: contexts(this.beginDeferredField, state, (part, own) -> part.beginDeferredField(parameters, own));
	}

	@Override
	public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		ExecutionInput result = input;
		for (int index : this.instrumentExecutionInput) {
			result = this.parts[index].instrumentExecutionInput(result, parameters, stateOf(state, index));
		}
		return result;
	}

	@Override
	public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables documentAndVariables,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		DocumentAndVariables result = documentAndVariables;
		for (int index : this.instrumentDocumentAndVariables) {
			result = this.parts[index].instrumentDocumentAndVariables(result, parameters, stateOf(state, index));
		}
		return result;
	}

	@Override
	public GraphQLSchema instrumentSchema(GraphQLSchema schema, InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		GraphQLSchema result = schema;
		for (int index : this.instrumentSchema) {
			result = this.parts[index].instrumentSchema(result, parameters, stateOf(state, index));
		}
		return result;
	}

	@Override
	public ExecutionContext instrumentExecutionContext(ExecutionContext context,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		ExecutionContext result = context;
		for (int index : this.instrumentExecutionContext) {
			result = this.parts[index].instrumentExecutionContext(result, parameters, stateOf(state, index));
		}
		return result;
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		DataFetcher<?> result = dataFetcher;
		for (int index : this.instrumentDataFetcher) {
			result = this.parts[index].instrumentDataFetcher(result, parameters, stateOf(state, index));
		}
		return result;
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult executionResult,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		CompletableFuture<ExecutionResult> result = CompletableFuture.completedFuture(executionResult);
		for (int index : this.instrumentExecutionResult) {
			Instrumentation part = this.parts[index];
			InstrumentationState own = stateOf(state, index);
			result = result.thenCompose((previous) -> part.instrumentExecutionResult(previous, parameters, own));
		}
		return result;
	}

	private <T> @Nullable InstrumentationContext<T> contexts(int[] indexes, InstrumentationState state,
			BiFunction<Instrumentation, @Nullable InstrumentationState, @Nullable InstrumentationContext<T>> begin) {
		if (indexes.length == 1) {
			return begin.apply(this.parts[indexes[0]], stateOf(state, indexes[0]));
		}
		List<InstrumentationContext<T>> started = new ArrayList<>(indexes.length);
		for (int index : indexes) {
			InstrumentationContext<T> context = begin.apply(this.parts[index], stateOf(state, index));
			if (context != null) {
				started.add(context);
			}
		}
		return started.isEmpty() ? null : new AllContexts<>(List.copyOf(started));
	}

	private static @Nullable InstrumentationState stateOf(@Nullable InstrumentationState state, int index) {
		return (state instanceof PartStates states) ? states.states()[index] : null;
	}

	private int[] implementers(String... hooks) {
		return IntStream.range(0, this.parts.length)
			.filter((index) -> implementsAny(this.parts[index].getClass(), hooks))
			.toArray();
	}

	private static boolean implementsAny(Class<?> type, String... hooks) {
		for (Method method : Instrumentation.class.getMethods()) {
			if (List.of(hooks).contains(method.getName()) && !method.isSynthetic()) {
				try {
					Method own = type.getMethod(method.getName(), method.getParameterTypes());
					if (!NO_OP_DECLARERS.contains(own.getDeclaringClass())) {
						return true;
					}
				}
				catch (NoSuchMethodException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return false;
	}

	/** The states of the parts of one execution, by the parts' index. */
	private record PartStates(@Nullable InstrumentationState[] states) implements InstrumentationState {
	}

	/**
	 * The contexts of several parts for one hook, told of each event in the parts' order.
	 */
	private record AllContexts<T>(List<InstrumentationContext<T>> contexts) implements InstrumentationContext<T> {

		@Override
		public void onDispatched() {
			for (InstrumentationContext<T> context : this.contexts) {
				context.onDispatched();
			}
		}

		@Override
		public void onCompleted(@Nullable T result, @Nullable Throwable failure) {
			for (InstrumentationContext<T> context : this.contexts) {
				context.onCompleted(result, failure);
			}
		}

	}

}
