package dev.supergraph.starter.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lean chain runs real graphql-java executions with the same effect as graphql-java's
 * own chain: every part sees the hooks it implements, with its own state, in the parts'
 * order; parts that implement nothing per field are never called per field.
 */
class LeanInstrumentationChainTests {

	static final GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
			new SchemaParser().parse("type Query { a: String  b: String  items: [Item]  } type Item { name: String }"),
			RuntimeWiring.newRuntimeWiring()
				.type("Query",
						(type) -> type.dataFetcher("a", (env) -> "a")
							.dataFetcher("b", (env) -> "b")
							.dataFetcher("items", (env) -> List.of(Map.of("name", "x"), Map.of("name", "y"))))
				.build());

	@Test
	void aPerFieldHookIsCalledForEveryFieldOfTheOnePartThatImplementsIt() {
		FieldCounter counter = new FieldCounter();
		Instrumentation chain = LeanInstrumentationChain.of(List.of(new Quiet(), counter, new Quiet()));

		ExecutionResult result = execute(chain, "{ a b items { name } }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(counter.fields.get()).isEqualTo(5);
		assertThat(chain).isInstanceOf(LeanInstrumentationChain.class);
		assertThat(((LeanInstrumentationChain) chain).implementersOf("beginFieldExecution")).isEqualTo(1);
		assertThat(((LeanInstrumentationChain) chain).implementersOf("instrumentDataFetcher")).isZero();
	}

	@Test
	void dataFetchersAreWrappedInThePartsOrderEachWithItsOwnState() {
		Instrumentation chain = LeanInstrumentationChain.of(List.of(new Tagger("1"), new Quiet(), new Tagger("2")));

		ExecutionResult result = execute(chain, "{ a }");

		// the first part wraps innermost, as in graphql-java's chain
		assertThat(result.<Map<String, Object>>getData()).containsEntry("a", "a+1(state 1)+2(state 2)");
		assertThat(result.getData().toString()).isEqualTo(
				execute(new ChainedInstrumentation(List.of(new Tagger("1"), new Quiet(), new Tagger("2"))), "{ a }")
					.getData()
					.toString());
	}

	@Test
	void everyContextOfAHookHearsItsEvents() {
		OperationWatcher first = new OperationWatcher();
		OperationWatcher second = new OperationWatcher();

		execute(LeanInstrumentationChain.of(List.of(first, new Quiet(), second)), "{ a }");

		assertThat(first.events).containsExactly("dispatched", "completed");
		assertThat(second.events).containsExactly("dispatched", "completed");
	}

	@Test
	void executionResultsPassThroughEveryPartInOrder() {
		Instrumentation chain = LeanInstrumentationChain.of(List.of(new Stamper("first"), new Stamper("second")));

		ExecutionResult result = execute(chain, "{ a }");

		assertThat(result.getExtensions()).containsEntry("stamps", List.of("first", "second"));
	}

	@Test
	void twoPartsWithTypedPerObjectContextsFallBackToGraphQlJavasChain() {
		assertThat(LeanInstrumentationChain.of(List.of(new ObjectWatcher(), new ObjectWatcher())))
			.isInstanceOf(ChainedInstrumentation.class);
		assertThat(LeanInstrumentationChain.of(List.of(new ObjectWatcher(), new Quiet())))
			.isInstanceOf(LeanInstrumentationChain.class);
	}

	static ExecutionResult execute(Instrumentation instrumentation, String query) {
		return GraphQL.newGraphQL(schema).instrumentation(instrumentation).build().execute(query);
	}

	static class Quiet extends SimplePerformantInstrumentation {

	}

	static class FieldCounter extends SimplePerformantInstrumentation {

		final AtomicInteger fields = new AtomicInteger();

		@Override
		public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
				InstrumentationState state) {
			this.fields.incrementAndGet();
			return SimpleInstrumentationContext.noOp();
		}

	}

	record Tag(String value) implements InstrumentationState {
	}

	static class Tagger extends SimplePerformantInstrumentation {

		final String name;

		Tagger(String name) {
			this.name = name;
		}

		@Override
		public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
			return new Tag("state " + this.name);
		}

		@Override
		public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
				InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
			String tag = ((Tag) state).value();
			return (env) -> dataFetcher.get(env) + "+" + this.name + "(" + tag + ")";
		}

	}

	static class OperationWatcher extends SimplePerformantInstrumentation {

		final List<String> events = new ArrayList<>();

		@Override
		public InstrumentationContext<ExecutionResult> beginExecuteOperation(
				InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
			return new InstrumentationContext<>() {
				@Override
				public void onDispatched() {
					OperationWatcher.this.events.add("dispatched");
				}

				@Override
				public void onCompleted(ExecutionResult result, Throwable t) {
					OperationWatcher.this.events.add("completed");
				}
			};
		}

	}

	static class Stamper extends SimplePerformantInstrumentation {

		final String name;

		Stamper(String name) {
			this.name = name;
		}

		@Override
		@SuppressWarnings("unchecked")
		public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
				InstrumentationExecutionParameters parameters, InstrumentationState state) {
			List<String> stamps = new ArrayList<>();
			if (result.getExtensions() != null && result.getExtensions().get("stamps") instanceof List<?> earlier) {
				stamps.addAll((List<String>) earlier);
			}
			stamps.add(this.name);
			return CompletableFuture
				.completedFuture(result.transform((builder) -> builder.extensions(Map.of("stamps", stamps))));
		}

	}

	static class ObjectWatcher extends SimplePerformantInstrumentation {

		@Override
		public ExecuteObjectInstrumentationContext beginExecuteObject(
				InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
			return ExecuteObjectInstrumentationContext.NOOP;
		}

	}

}
