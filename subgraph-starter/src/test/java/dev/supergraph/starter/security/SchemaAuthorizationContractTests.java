package dev.supergraph.starter.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.supergraph.starter.contract.ContractFiles;
import dev.supergraph.starter.errors.SubgraphException;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLEnumType;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directive placement contract ({@code contract/directive-placements.json}) through
 * {@link SchemaAuthorization}, installed as the starter installs it (a type visitor of
 * Spring's schema builder); the router's authorization runs the same cases
 * ({@code contract-directives.test.mjs}).
 */
class SchemaAuthorizationContractTests {

	private static final JsonNode contract = ContractFiles.read("directive-placements.json");

	private static final GraphQL graphQl = GraphQlSource.schemaResourceBuilder()
		.schemaResources(new ByteArrayResource(contract.path("schema").asString().getBytes(StandardCharsets.UTF_8)))
		.configureRuntimeWiring((wiring) -> wiring.wiringFactory(new AnswerEveryField()))
		.defaultTypeResolver(
				(env) -> env.getSchema().getImplementations((GraphQLInterfaceType) env.getFieldType()).get(0))
		.typeVisitors(List.of(new SchemaAuthorization(List.of())))
		.exceptionResolvers(List.of(new CodeOfSubgraphException()))
		.build()
		.graphQl();

	static Stream<Named<JsonNode>> cases() {
		return contract.path("cases").valueStream().map((each) -> Named.of(each.path("name").asString(), each));
	}

	@ParameterizedTest
	@MethodSource("cases")
	void fieldIsGuardedAsTheContractSays(JsonNode testCase) {
		ExecutionInput input = ExecutionInput.newExecutionInput(testCase.path("query").asString())
			.graphQLContext(Map.of(Viewer.class, viewer(testCase.path("scopes"))))
			.build();
		ExecutionResult result = graphQl.execute(input);
		List<Map<String, String>> denied = new ArrayList<>();
		for (GraphQLError error : result.getErrors()) {
			String path = error.getPath().stream().map(String::valueOf).collect(Collectors.joining("."));
			denied.add(Map.of("path", path, "code", String.valueOf(error.getExtensions().get("code"))));
		}
		List<Map<String, String>> expected = new ArrayList<>();
		testCase.path("denied")
			.forEach((each) -> expected
				.add(Map.of("path", each.path("path").asString(), "code", each.path("code").asString())));
		assertThat(denied).containsExactlyInAnyOrderElementsOf(expected);
		assertThat((Object) result.getData()).as("the rest of the response survives").isNotNull();
	}

	private static Viewer viewer(JsonNode scopes) {
		if (scopes.isNull()) {
			return Viewer.ANONYMOUS;
		}
		Set<String> granted = new HashSet<>();
		scopes.forEach((scope) -> granted.add(scope.asString()));
		return new Viewer("u1", granted);
	}

	/**
	 * Every field answers something, so a field that is not refused shows in the data.
	 */
	private static final class AnswerEveryField implements WiringFactory {

		@Override
		public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment environment) {
			GraphQLNamedType type = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(environment.getFieldType());
			if (type instanceof GraphQLEnumType) {
				return (env) -> "LOW";
			}
			if (type instanceof GraphQLScalarType) {
				return (env) -> ((GraphQLNamedType) env.getParentType()).getName() + "." + env.getField().getName();
			}
			return (env) -> Map.of();
		}

	}

	private static final class CodeOfSubgraphException extends DataFetcherExceptionResolverAdapter {

		@Override
		protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof SubgraphException denied) {
					return GraphqlErrorBuilder.newError(env)
						.message(denied.getCode().name())
						.extensions(Map.of("code", denied.getCode().name()))
						.build();
				}
			}
			return null;
		}

	}

}
