package dev.supergraph.starter.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.ResultNodesInfo;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strategy answers exactly what graphql-java's answers (data, errors, paths, null
 * propagation) for every shape a scalar read from its parent can take, and takes its
 * short way only for the fields it may: every comparison runs the same schema, readers
 * and instrumentation on both strategies.
 */
class ScalarReadsExecutionStrategyTests {

	static final String SDL = """
			type Query { things: [Thing]  strict: Strict  kept: Kept }
			type Thing {
			  id: ID!  name: String  active: Boolean  count: Int  big: Int  ratio: Float
			  missing: String  kind: Kind  tags: [String]  label: String  broken: String
			}
			type Strict { name: String! }
			type Kept { strict: Strict! }
			enum Kind { SMALL LARGE }
			""";

	static final String QUERY = """
			query Things($withCount: Boolean!) {
			  things {
			    __typename id name alias: name active count @include(if: $withCount) big ratio
			    missing kind tags label broken ...more
			  }
			  strict { name }
			  kept { strict { name } }
			}
			fragment more on Thing { name again: id }
			""";

	public record Thing(String id, String name, Boolean active, int count, long big, double ratio,
			@Nullable String missing, String kind, List<String> tags) {

		public String getLabel() {
			return "label of " + this.name;
		}

		public String getBroken() {
			throw new IllegalStateException("broken getter");
		}

	}

	public record Strict(@Nullable String name) {
	}

	public static class Kept {

		public Strict getStrict() {
			return new Strict(null);
		}

	}

	static final List<Object> THINGS = List.of(
			new Thing("1", "first", true, 3, 7L, 0.5, null, "SMALL", List.of("a", "b")),
			Map.of("id", "2", "name", "map", "count", 4),
			new Thing("3", "third", false, 5, 1L + Integer.MAX_VALUE, 1.5, "here", "LARGE", List.of()));

	private static GraphQLSchema schema() {
		DataFetcher<List<Object>> things = (environment) -> THINGS;
		DataFetcher<Strict> strict = (environment) -> new Strict(null);
		DataFetcher<Kept> kept = (environment) -> new Kept();
		return PropertyReaders.install(new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL),
				RuntimeWiring.newRuntimeWiring()
					.type("Query",
							(type) -> type.dataFetcher("things", things)
								.dataFetcher("strict", strict)
								.dataFetcher("kept", kept))
					.build()));
	}

	private static ExecutionResult run(GraphQLSchema schema, AsyncExecutionStrategy strategy,
			List<Instrumentation> parts, Map<String, Object> context) {
		return GraphQL.newGraphQL(schema)
			.queryExecutionStrategy(strategy)
			.instrumentation(LeanInstrumentationChain.of(parts))
			.build()
			.execute(ExecutionInput.newExecutionInput(QUERY)
				.variables(Map.of("withCount", true))
				.graphQLContext(context)
				.build());
	}

	private static ExecutionResult graphqlJavas(GraphQLSchema schema, List<Instrumentation> parts) {
		return run(schema, new AsyncExecutionStrategy(new SimpleDataFetcherExceptionHandler()), parts, Map.of());
	}

	@Test
	void answersWhatGraphqlJavasStrategyAnswersAndReadsScalarsTheShortWay() {
		GraphQLSchema schema = schema();
		StepInfoCounting strategy = new StepInfoCounting();
		// the starter's own part that wraps fetchers leaves a query's fields as they are
		List<Instrumentation> parts = List.of(new AfterMutationFields(List.of()));

		ExecutionResult actual = run(schema, strategy, parts, Map.of());

		assertThat(actual.toSpecification()).isEqualTo(graphqlJavas(schema, parts).toSpecification());
		// the errors graphql-java makes: a getter that throws, an Int out of range, a
		// null
		// in a non-null field propagated to its nullable parent
		assertThat(actual.getErrors()).extracting((error) -> String.valueOf(error.getPath()))
			.containsExactlyInAnyOrder("[things, 0, broken]", "[things, 2, broken]", "[things, 2, big]",
					"[strict, name]", "[kept, strict, name]");
		assertThat(actual.<Map<String, Object>>getData()).containsEntry("strict", null).containsEntry("kept", null);
		// scalars that were there went the short way, from records, getters and maps; the
		// rest went graphql-java's
		assertThat(strategy.stepInfos)
			.doesNotContain("/things[0]/id", "/things[0]/name", "/things[0]/alias", "/things[0]/again",
					"/things[0]/active", "/things[0]/count", "/things[0]/ratio", "/things[0]/label", "/things[1]/name",
					"/things[1]/count")
			.contains("/things", "/things[0]/missing", "/things[0]/broken", "/things[2]/big", "/things[0]/kind",
					"/things[0]/tags", "/things[1]/active", "/strict/name", "/kept/strict/name");
	}

	@Test
	void leavesEveryFieldToGraphqlJavaWhenAPartWantsTheEnvironmentOrAFieldsFetch() {
		GraphQLSchema schema = schema();
		Instrumentation wantsEnvironment = new SimplePerformantInstrumentation() {
			@Override
			public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher,
					InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
				return (parameters.getEnvironment().getSource() != null) ? fetcher : fetcher;
			}
		};
		Instrumentation wrapsTrivialFetchers = new SimplePerformantInstrumentation() {
			@Override
			public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher,
					InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
				return fetcher::get;
			}
		};
		List<String> fetched = new ArrayList<>();
		Instrumentation beginsFetches = new SimplePerformantInstrumentation() {
			@Override
			public @Nullable FieldFetchingInstrumentationContext beginFieldFetching(
					InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
				fetched.add(parameters.getField().getName());
				return null;
			}
		};

		for (Instrumentation part : List.of(wantsEnvironment, wrapsTrivialFetchers, beginsFetches)) {
			StepInfoCounting strategy = new StepInfoCounting();
			ExecutionResult actual = run(schema, strategy, List.of(part), Map.of());

			assertThat(actual.toSpecification()).isEqualTo(graphqlJavas(schema, List.of(part)).toSpecification());
			assertThat(strategy.stepInfos).contains("/things[0]/id", "/things[0]/name", "/things[0]/label");
		}
		assertThat(fetched).contains("name", "label");
	}

	@Test
	void leavesEveryFieldToGraphqlJavaWhenResultNodesAreLimited() {
		GraphQLSchema schema = schema();
		StepInfoCounting strategy = new StepInfoCounting();
		Map<String, Object> limited = Map.of(ResultNodesInfo.MAX_RESULT_NODES, 12);

		ExecutionResult actual = run(schema, strategy, List.of(), limited);
		ExecutionResult expected = run(schema, new AsyncExecutionStrategy(new SimpleDataFetcherExceptionHandler()),
				List.of(), limited);

		assertThat(actual.toSpecification()).isEqualTo(expected.toSpecification());
		assertThat(strategy.stepInfos).contains("/things[0]/name");
	}

	@Test
	void collectsEachSelectionPerTypeAndRequestAsGraphqlJavaDoes() {
		String sdl = """
				type Query { items: [Item]  grid: [[Item]] }
				union Item = Book | Pen
				type Book { id: ID!  title: String  pages: Int }
				type Pen { id: ID!  colour: String }
				""";
		String query = """
				query Items($long: Boolean!, $short: Boolean!) {
				  items {
				    __typename
				    ... on Book { id title pages @include(if: $long) ...penOrBook }
				    ... on Pen { id colour @skip(if: $short) ...penOrBook }
				  }
				  grid { ... on Book { title } ... on Pen { colour } }
				}
				fragment penOrBook on Item { ... on Pen { again: id } ... on Book { title @skip(if: $short) } }
				""";
		List<Object> items = List.of(new Book("1", "Dune", 412), new Pen("2", "blue"), new Book("3", "Emma", 474),
				new Pen("4", "red"));
		GraphQLSchema schema = PropertyReaders
			.install(
					new SchemaGenerator()
						.makeExecutableSchema(new SchemaParser().parse(sdl),
								RuntimeWiring.newRuntimeWiring()
									.type("Query", (type) -> type.dataFetcher("items", (environment) -> items)
										.dataFetcher("grid", (environment) -> List.of(items, items.subList(1, 3))))
									.type("Item",
											(type) -> type.typeResolver((environment) -> environment.getSchema()
												.getObjectType(environment.getObject().getClass().getSimpleName())))
									.build()));
		GraphQL ours = GraphQL.newGraphQL(schema)
			.queryExecutionStrategy(new ScalarReadsExecutionStrategy(new SimpleDataFetcherExceptionHandler()))
			.instrumentation(LeanInstrumentationChain.of(List.of()))
			.build();
		GraphQL graphqlJavas = GraphQL.newGraphQL(schema)
			.queryExecutionStrategy(new AsyncExecutionStrategy(new SimpleDataFetcherExceptionHandler()))
			.build();

		// one instance, requests with other variables: nothing collected for one is used
		// for another
		for (Map<String, Object> variables : List.of(Map.<String, Object>of("long", true, "short", false),
				Map.<String, Object>of("long", false, "short", true),
				Map.<String, Object>of("long", true, "short", true))) {
			ExecutionInput input = ExecutionInput.newExecutionInput(query).variables(variables).build();
			ExecutionResult actual = ours.execute(input);

			assertThat(actual.getErrors()).isEmpty();
			assertThat(actual.toSpecification())
				.isEqualTo(graphqlJavas.execute(ExecutionInput.newExecutionInput(query).variables(variables).build())
					.toSpecification());
		}
	}

	public record Book(String id, String title, int pages) {
	}

	public record Pen(String id, String colour) {
	}

	/** Records the paths of the fields graphql-java made an execution step info for. */
	static final class StepInfoCounting extends ScalarReadsExecutionStrategy {

		final List<String> stepInfos = new ArrayList<>();

		StepInfoCounting() {
			super(new SimpleDataFetcherExceptionHandler());
		}

		@Override
		protected ExecutionStepInfo createExecutionStepInfo(ExecutionContext context,
				ExecutionStrategyParameters parameters, GraphQLFieldDefinition field,
				@Nullable GraphQLObjectType container) {
			ExecutionStepInfo info = super.createExecutionStepInfo(context, parameters, field, container);
			this.stepInfos.add(info.getPath().toString());
			return info;
		}

	}

}
