package dev.supergraph.starter.scalars;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.supergraph.starter.errors.ErrorMessages;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check in a real graphql-java execution: a variable's value of the wrong JSON type,
 * for every kind of input type and at any depth, is refused before any resolver runs,
 * naming the JSON type in the client's language and never a Java class or a Java
 * rendering of the value; an {@code ID} takes a string or an integer only.
 */
class JsonInputTypesTests {

	private static final String SDL = """
			enum Status { OPEN CLOSED }
			input Filter { id: ID, status: Status, tags: [String!] }
			type Query { find(i: Int, f: Float, s: String, b: Boolean, id: ID, e: Status, in: Filter, ids: [ID!]): String }
			""";

	/**
	 * What graphql-java wrote without the check: Java class names and Java renderings.
	 */
	private static final String[] JAVA_WORDS = { "LinkedHashMap", "ArrayList", "Integer", "Long", "BigInteger",
			"Double", "'Boolean'", "'String'", "'Map'", "{a=1}", "[1]" };

	private final GraphQL graphQl = GraphQL
		.newGraphQL(new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL),
				RuntimeWiring.newRuntimeWiring()
					.type("Query", (type) -> type.dataFetcher("find", (env) -> "found"))
					.build()))
		.instrumentation(new JsonInputTypes(new ErrorMessages()))
		.build();

	static Stream<Arguments> wrongTypes() {
		Map<String, Object> object = Map.of("a", 1);
		List<Object> array = List.of(List.of(1));
		BigInteger big = new BigInteger("123456789012345678901234567890");
		return Stream.of(Arguments.of("i: Int", object, "Int", "object"), Arguments.of("i: Int", "1", "Int", "string"),
				Arguments.of("i: Int", true, "Int", "boolean"), Arguments.of("f: Float", array, "Float", "array"),
				Arguments.of("s: String", 7, "String", "number"),
				Arguments.of("s: String", 7L << 40, "String", "number"),
				Arguments.of("s: String", big, "String", "number"), Arguments.of("s: String", 1.5, "String", "number"),
				Arguments.of("b: Boolean", 1, "Boolean", "number"), Arguments.of("id: ID", object, "ID", "object"),
				Arguments.of("id: ID", true, "ID", "boolean"), Arguments.of("id: ID", array, "ID", "array"),
				Arguments.of("e: Status", object, "Status", "object"), Arguments.of("e: Status", 1, "Status", "number"),
				Arguments.of("in: Filter", array, "Filter", "array"),
				Arguments.of("in: Filter", "x", "Filter", "string"),
				Arguments.of("in: Filter", Map.of("id", object), "ID", "object"),
				Arguments.of("in: Filter", Map.of("tags", List.of("a", false)), "String", "boolean"),
				Arguments.of("ids: [ID!]", List.of("1", object), "ID", "object"));
	}

	@ParameterizedTest
	@MethodSource("wrongTypes")
	void aValueOfTheWrongJsonTypeIsRefusedByThatTypesName(String argument, Object value, String type, String json) {
		assertThat(refused(argument, value, Locale.ENGLISH).getMessage())
			.endsWith("Expected a value of type " + type + ", but it was a JSON " + json + ".");
		assertThat(refused(argument, value, Locale.GERMAN).getMessage())
			.endsWith("Erwartet wurde ein Wert vom Typ " + type + ", aber es war JSON vom Typ " + json + ".");
	}

	@Test
	void aNumberWithAFractionIsNoIntAndNoId() {
		for (String argument : List.of("i: Int", "id: ID")) {
			assertThat(refused(argument, 1.5, Locale.ENGLISH).getMessage()).as(argument)
				.endsWith("but it was a number that is not an integer.");
		}
	}

	@Test
	void valuesOfTheirJsonTypesAreCoercedAsBefore() {
		Object[][] accepted = { { "i: Int", 7 }, { "i: Int", 7.0 }, { "f: Float", 1 }, { "f: Float", 1.5 },
				{ "s: String", "x" }, { "b: Boolean", false }, { "id: ID", "x-1" }, { "id: ID", 7 }, { "id: ID", 7.0 },
				{ "id: ID", new BigDecimal("7.00") }, { "id: ID", new BigInteger("123456789012345678901234567890") },
				{ "e: Status", "OPEN" }, { "in: Filter", Map.of("id", 1, "status", "CLOSED", "tags", List.of("a")) },
				{ "ids: [ID!]", "1" } };
		for (Object[] each : accepted) {
			ExecutionResult result = execute((String) each[0], each[1], Locale.ENGLISH);
			assertThat(result.getErrors()).as("%s %s", each[0], each[1]).isEmpty();
		}
	}

	private GraphQLError refused(String argument, Object value, Locale locale) {
		ExecutionResult result = execute(argument, value, locale);
		assertThat(result.isDataPresent()).isFalse();
		assertThat(result.getErrors()).singleElement()
			.satisfies((error) -> assertThat(error.getErrorType().toString()).isEqualTo("ValidationError"));
		assertThat(result.getErrors().get(0).getMessage()).doesNotContain(JAVA_WORDS);
		return result.getErrors().get(0);
	}

	private ExecutionResult execute(String argument, Object value, Locale locale) {
		String name = argument.substring(0, argument.indexOf(':'));
		String type = argument.substring(argument.indexOf(':') + 2);
		return this.graphQl.execute(ExecutionInput.newExecutionInput()
			.query("query($v: " + type + ") { find(" + name + ": $v) }")
			.variables(Map.of("v", value))
			.locale(locale));
	}

}
