package dev.supergraph.starter.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import dev.supergraph.starter.contract.ContractFiles;
import dev.supergraph.starter.errors.ErrorExtensions;
import dev.supergraph.starter.errors.ErrorMessages;
import graphql.GraphQLContext;
import graphql.execution.AbortExecutionException;
import graphql.execution.CoercedVariables;
import graphql.execution.RawVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.MockedWiringFactory;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The operation cost contract ({@code contract/operation-costs.json}) through
 * {@link OperationCost}, on the golden SDL each subgraph serves or a schema of the
 * contract's own: each case's cost, or its refusal's code and reason. The router's
 * estimate runs the same cases ({@code contract-operation-costs.test.mjs}).
 */
class OperationCostContractTests {

	private static final JsonNode contract = ContractFiles.read("operation-costs.json");

	private static final Map<String, GraphQLSchema> schemas = new ConcurrentHashMap<>();

	private static final ErrorMessages messages = new ErrorMessages();

	static Stream<Named<JsonNode>> cases() {
		return contract.path("cases").valueStream().map((each) -> Named.of(each.path("name").asString(), each));
	}

	@ParameterizedTest
	@MethodSource("cases")
	void operationCostsWhatTheContractSays(JsonNode testCase) {
		GraphQLSchema schema = schemas.computeIfAbsent(testCase.path("schema").asString(),
				OperationCostContractTests::schema);
		ExecutableNormalizedOperation operation = ExecutableNormalizedOperationFactory
			.createExecutableNormalizedOperationWithRawVariables(schema,
					Parser.parse(testCase.path("query").asString()), null, variables(testCase));
		if (testCase.has("refused")) {
			assertThatExceptionOfType(AbortExecutionException.class)
				.isThrownBy(() -> OperationCost.of(operation, schema, messages))
				.satisfies((refusal) -> assertThat(refusal.getExtensions())
					.containsEntry(ErrorExtensions.CODE, testCase.path("refused").path("code").asString())
					.containsEntry(ErrorExtensions.REASON, testCase.path("refused").path("reason").asString()));
		}
		else {
			assertThat(OperationCost.of(operation, schema, messages)).isEqualTo(testCase.path("cost").asInt());
		}
	}

	@SuppressWarnings("unchecked")
	private static RawVariables variables(JsonNode testCase) {
		if (!testCase.has("variables")) {
			return RawVariables.emptyVariables();
		}
		return RawVariables.of(JsonMapper.shared().treeToValue(testCase.path("variables"), Map.class));
	}

	private static GraphQLSchema schema(String name) {
		JsonNode inline = contract.path("schemas").path(name);
		String sdl = inline.isString() ? inline.asString() : golden(name);
		RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(new ValuesAsSent()).build();
		return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), wiring);
	}

	private static String golden(String subgraph) {
		Path file = ContractFiles.directory().resolveSibling("gateway-config/subgraphs/" + subgraph + ".graphql");
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException("No golden SDL " + file, ex);
		}
	}

	/**
	 * Custom scalars ({@code _Any}, {@code link__Import}) take values as sent: the cost
	 * reads no scalar.
	 */
	private static final class ValuesAsSent extends MockedWiringFactory {

		@Override
		public GraphQLScalarType getScalar(ScalarWiringEnvironment environment) {
			return GraphQLScalarType.newScalar()
				.name(environment.getScalarTypeDefinition().getName())
				.coercing(new Coercing<Object, Object>() {
					@Override
					public Object parseValue(Object input, GraphQLContext context, Locale locale) {
						return input;
					}

					@Override
					public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
							Locale locale) {
						return input;
					}

					@Override
					public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
						return StringValue.of(String.valueOf(input));
					}

				})
				.build();
		}

	}

}
