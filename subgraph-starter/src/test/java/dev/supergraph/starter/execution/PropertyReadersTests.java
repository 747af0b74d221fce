package dev.supergraph.starter.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readers answer what graphql-java's default fetcher answers, for every kind of
 * parent it reads: records, getters, {@code is} getters, maps, public fields, methods
 * that take the environment, nulls, and parents of several classes for one field.
 */
class PropertyReadersTests {

	static final String SDL = """
			type Query { things: [Thing] }
			type Thing { name: String  active: Boolean  count: Int  missing: String  label: String }
			""";

	static final String QUERY = "{ things { name active count missing label } }";

	public record RecordThing(String name, Boolean active, int count) {
	}

	public static class BeanThing {

		public String getName() {
			return "bean";
		}

		public boolean isActive() {
			return true;
		}

		public int getCount() {
			return 2;
		}

		public String getLabel(DataFetchingEnvironment environment) {
			return "label of " + environment.getField().getName();
		}

	}

	public static class FieldThing {

		public final String name = "field";

		public final Integer count = 3;

	}

	static final List<@Nullable Object> THINGS = new ArrayList<>(List.of(new RecordThing("record", false, 1),
			new BeanThing(), new FieldThing(), Map.of("name", "map", "count", 4), new RecordThing("again", true, 5)));

	static {
		THINGS.add(null);
		THINGS.add(new BeanThing());
	}

	private static GraphQLSchema schema() {
		DataFetcher<List<@Nullable Object>> things = (environment) -> THINGS;
		return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL),
				RuntimeWiring.newRuntimeWiring().type("Query", (type) -> type.dataFetcher("things", things)).build());
	}

	@Test
	void answersWhatGraphqlJavasDefaultFetcherAnswers() {
		GraphQLSchema plain = schema();
		GraphQLSchema withReaders = PropertyReaders.install(plain);

		ExecutionResult expected = GraphQL.newGraphQL(plain).build().execute(QUERY);
		ExecutionResult actual = GraphQL.newGraphQL(withReaders).build().execute(QUERY);

		assertThat(expected.getErrors()).isEmpty();
		assertThat(actual.toSpecification()).isEqualTo(expected.toSpecification());
		assertThat(actual.<Map<String, List<Map<String, Object>>>>getData().get("things").get(1))
			.containsEntry("label", "label of label")
			.containsEntry("active", true);
	}

	@Test
	void putsAReaderOnFieldsWithoutAFetcherOnlyAndKeepsThemTrivial() {
		GraphQLSchema withReaders = PropertyReaders.install(schema());
		GraphQLObjectType thing = withReaders.getObjectType("Thing");
		GraphQLObjectType query = withReaders.getQueryType();

		assertThat(withReaders.getCodeRegistry()
			.getDataFetcher(FieldCoordinates.coordinates(thing, thing.getField("name")), thing.getField("name")))
			.isInstanceOf(PropertyReader.class);
		assertThat(withReaders.getCodeRegistry()
			.getDataFetcher(FieldCoordinates.coordinates(query, query.getField("things")), query.getField("things")))
			.isNotInstanceOf(PropertyReader.class);

		List<String> trivial = new ArrayList<>();
		GraphQL.newGraphQL(withReaders).instrumentation(new SimplePerformantInstrumentation() {
			@Override
			public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher,
					InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
				if (parameters.isTrivialDataFetcher()) {
					trivial.add(parameters.getExecutionStepInfo().getPath().toString());
				}
				return fetcher;
			}
		}).build().execute(QUERY);
		assertThat(trivial).contains("/things[0]/name", "/things[1]/label").noneMatch("/things"::equals);
	}

}
