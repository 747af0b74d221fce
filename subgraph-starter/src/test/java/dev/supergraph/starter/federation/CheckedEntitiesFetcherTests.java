package dev.supergraph.starter.federation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.supergraph.starter.errors.ErrorMessages;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.Scalars;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.MergedField;
import graphql.execution.ResultPath;
import graphql.language.Field;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLList;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed representations are answered at their own index while the entity fetcher sees
 * only the well-formed ones, and its results and errors land at the original indices.
 */
class CheckedEntitiesFetcherTests {

	final List<Object> seen = new ArrayList<>();

	/** Resolves each representation to its id and fails the one with id 13. */
	final DataFetcher<Object> springFetcher = (env) -> {
		List<?> representations = env.getArgument("representations");
		this.seen.addAll(representations);
		List<Object> entities = new ArrayList<>();
		List<GraphQLError> errors = new ArrayList<>();
		for (int i = 0; i < representations.size(); i++) {
			Object id = ((Map<?, ?>) representations.get(i)).get("id");
			entities.add("13".equals(id) ? null : "entity " + id);
			if ("13".equals(id)) {
				errors.add(GraphqlErrorBuilder.newError()
					.message("unlucky")
					.path(ResultPath.parse("/_entities").segment(i))
					.build());
			}
		}
		return Mono.just(DataFetcherResult.newResult().data(entities).errors(errors).build());
	};

	final CheckedEntitiesFetcher fetcher = new CheckedEntitiesFetcher(this.springFetcher,
			new RepresentationCheck(new EntityTypes(new SchemaGenerator().makeExecutableSchema(
					new SchemaParser()
						.parse("directive @key(fields: String!) repeatable on OBJECT type Query { a: String } "
								+ "type Product @key(fields: \"id\") { id: ID! }"),
					RuntimeWiring.newRuntimeWiring().build()))),
			new ErrorMessages());

	@Test
	void wellFormedRepresentationsGoToTheEntityFetcherUnchanged() throws Exception {
		List<Object> representations = List.of(product("1"), product("2"));
		DataFetcherResult<?> result = resolve(representations);
		assertThat(this.seen).isEqualTo(representations);
		assertThat(result.getData()).isEqualTo(List.of("entity 1", "entity 2"));
		assertThat(result.getErrors()).isEmpty();
	}

	@Test
	void malformedOnesAreRefusedInPlaceAndTheOthersKeepTheirIndices() throws Exception {
		DataFetcherResult<?> result = resolve(Arrays.asList("Product", product("1"),
				Map.of("__typename", "Product", "id", 1.5), product("13"), product("4")));
		assertThat(this.seen).containsExactly(product("1"), product("13"), product("4"));
		assertThat(result.getData()).isEqualTo(Arrays.asList(null, "entity 1", null, null, "entity 4"));
		assertThat(result.getErrors()).extracting(GraphQLError::getPath)
			.containsExactly(List.of("_entities", 0), List.of("_entities", 2), List.of("_entities", 3));
		GraphQLError fractional = result.getErrors().get(1);
		assertThat(fractional.getExtensions()).containsEntry("code", "BAD_USER_INPUT")
			.containsEntry("reason", "INVALID_REPRESENTATION")
			.containsEntry("field", List.of("representations", "2", "id"));
		assertThat(fractional.getMessage())
			.isEqualTo("A field of the entity representation does not hold a value of its type.");
		assertThat(result.getErrors().get(2).getMessage()).isEqualTo("unlucky");
	}

	@Test
	void onlyMalformedOnesNeverReachTheEntityFetcher() throws Exception {
		DataFetcherResult<?> result = resolve(List.of(42, List.of()));
		assertThat(this.seen).isEmpty();
		assertThat(result.getData()).isEqualTo(Arrays.asList(null, null));
		assertThat(result.getErrors()).extracting((error) -> error.getExtensions().get("field"))
			.containsExactly(List.of("representations", "0"), List.of("representations", "1"));
	}

	private DataFetcherResult<?> resolve(List<Object> representations) throws Exception {
		DataFetchingEnvironment env = DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
			.arguments(Map.of("representations", representations))
			.mergedField(MergedField.newMergedField(Field.newField("_entities").build()).build())
			.executionStepInfo(ExecutionStepInfo.newExecutionStepInfo()
				.type(GraphQLList.list(Scalars.GraphQLString))
				.path(ResultPath.parse("/_entities"))
				.build())
			.locale(Locale.ENGLISH)
			.build();
		Object result = this.fetcher.get(env);
		return (DataFetcherResult<?>) ((result instanceof Mono<?> mono) ? mono.block() : result);
	}

	private static Map<String, Object> product(String id) {
		return Map.of("__typename", "Product", "id", id);
	}

}
