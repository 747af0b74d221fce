package dev.supergraph.starter.inputs;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.supergraph.starter.errors.ErrorMessages;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instrumentation in a real graphql-java execution: wherever an unstorable string
 * sits, the operation is refused before any resolver runs, naming the input.
 */
class StorableTextInstrumentationTests {

	static final String SDL = """
			scalar Any
			type Query { find(text: String, ids: [ID!], filter: Filter, any: [Any!]): String
			  item: Item }
			type Item { children(after: String): String }
			input Filter { search: String, nested: Nested }
			input Nested { tags: [String!] }
			""";

	final AtomicInteger resolved = new AtomicInteger();

	final GraphQL graphQl = GraphQL.newGraphQL(schema())
		.instrumentation(new StorableTextInstrumentation(new ErrorMessages()))
		.build();

	@Test
	void storableTextReachesTheResolvers() {
		ExecutionResult result = execute("query($t: String) { find(text: $t) item { children(after: \"a\\tb\") } }",
				Map.of("t", "Zoë \ud83d\ude00\n"));
		assertThat(result.getErrors()).isEmpty();
		assertThat(this.resolved).hasValue(2);
	}

	@Test
	void variableInANestedInputIsRefusedWithItsPath() {
		ExecutionResult result = execute("query($f: Filter) { find(filter: $f) }",
				Map.of("f", Map.of("search", "ok", "nested", Map.of("tags", List.of("ok", "bad\u0000")))));
		assertRefused(result, List.of("filter", "nested", "tags", "1"));
	}

	@Test
	void variableInsideALiteralObjectIsRefusedWithTheArgumentsPath() {
		ExecutionResult result = execute("query($s: String) { find(filter: { search: $s }) }", Map.of("s", "\ud800"));
		assertRefused(result, List.of("filter", "search"));
	}

	@Test
	void literalInTheDocumentIsRefused() {
		assertRefused(execute("{ find(ids: [\"1\", \"2\\u0000\"]) }", Map.of()), List.of("ids", "1"));
	}

	@Test
	void representationLikeValuesOfCustomScalarsAreWalked() {
		ExecutionResult result = execute("query($r: [Any!]) { find(any: $r) }",
				Map.of("r", List.of(Map.of("__typename", "Product", "sku", "A\u001bB"))));
		assertRefused(result, List.of("any", "0", "sku"));
	}

	@Test
	void argumentsOfNestedFieldsInFragmentsAreChecked() {
		ExecutionResult result = execute(
				"query($a: String) { ...F } fragment F on Query { item { ... on Item { children(after: $a) } } }",
				Map.of("a", "\udc00"));
		assertRefused(result, List.of("after"));
	}

	@Test
	void theMessageFollowsTheRequestsLocale() {
		ExecutionInput input = ExecutionInput.newExecutionInput("{ find(text: \"\\u0000\") }")
			.locale(Locale.GERMAN)
			.build();
		GraphQLError error = this.graphQl.execute(input).getErrors().get(0);
		assertThat(error.getMessage()).startsWith("text enthält ein Zeichen, das nicht angenommen wird");
	}

	private ExecutionResult execute(String document, Map<String, Object> variables) {
		return this.graphQl
			.execute(ExecutionInput.newExecutionInput(document).variables(variables).locale(Locale.ENGLISH).build());
	}

	private void assertRefused(ExecutionResult result, List<String> field) {
		assertThat(result.getErrors()).hasSize(1);
		GraphQLError error = result.getErrors().get(0);
		assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")
			.containsEntry("reason", "INVALID_CHARACTERS")
			.containsEntry("field", field);
		assertThat(error.getMessage())
			.startsWith(String.join(".", field) + " contains a character that is not accepted");
		assertThat(result.isDataPresent()).isFalse();
		assertThat(this.resolved).hasValue(0);
	}

	private GraphQLSchema schema() {
		DataFetcher<String> resolver = (env) -> "resolved " + this.resolved.incrementAndGet();
		RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
			.scalar(ANY)
			.type("Query", (type) -> type.dataFetcher("find", resolver).dataFetcher("item", (env) -> Map.of()))
			.type("Item", (type) -> type.dataFetcher("children", resolver))
			.build();
		return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
	}

	/** Like federation's {@code _Any}: any JSON value, as the variables carry it. */
	static final GraphQLScalarType ANY = GraphQLScalarType.newScalar()
		.name("Any")
		.coercing(new Coercing<Object, Object>() {

			@Override
			public Object parseValue(Object input, GraphQLContext context, Locale locale) {
				return input;
			}

		})
		.build();

}
