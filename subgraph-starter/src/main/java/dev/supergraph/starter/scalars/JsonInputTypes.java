package dev.supergraph.starter.scalars;

import java.util.Locale;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.ErrorExtensions;
import dev.supergraph.starter.errors.ErrorMessages;
import graphql.ExecutionInput;
import graphql.GraphQLContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.values.InputInterceptor;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a variable's value of the wrong JSON type, at any depth, before graphql-java
 * coerces it: graphql-java names the Java class the value was parsed into
 * ({@code 'LinkedHashMap'}, {@code 'Double'}) or prints it ({@code '{a=1}'}) in its
 * message, and its {@code ID} takes any value at all (an object became the id
 * {@code "{a=1}"}). Here the message names the JSON type, and an {@code ID} takes a
 * string or an integer only, as the GraphQL specification has it: a number whose value is
 * an integer, however written ({@code 2.0}, {@code 2e0}), is one, as JSON has no integer
 * type and graphql-js reads it at the router ({@code contract/variable-values.json}); it
 * becomes the id of its digits, as graphql-js makes it. graphql-java asks the
 * {@link InputInterceptor} in the request's context for every value it is about to coerce
 * (a list is left to it: a single value stands for a list of one).
 */
public final class JsonInputTypes extends SimplePerformantInstrumentation implements InputInterceptor {

	private final ErrorMessages messages;

	public JsonInputTypes(ErrorMessages messages) {
		this.messages = messages;
	}

	@Override
	public ExecutionInput instrumentExecutionInput(ExecutionInput executionInput,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		executionInput.getGraphQLContext().put(InputInterceptor.class, this);
		return executionInput;
	}

	@Override
	public @Nullable Object intercept(@Nullable Object value, GraphQLInputType type, GraphQLContext context,
			Locale locale) {
		// no JSON type: a default value or a literal, which validation has judged already
		JsonType json = (value != null) ? JsonType.of(value) : null;
		if (json == null || fits(json, value, type)) {
			return (json == JsonType.NUMBER && isId(type)) ? JsonType.integer(value) : value;
		}
		String name = ((GraphQLNamedType) type).getName();
		// a number where an integer is taken is refused for its fraction, not its type
		boolean fraction = json == JsonType.NUMBER && (name.equals("Int") || name.equals("ID"));
		String message = fraction
				? this.messages.get(ErrorCode.BAD_USER_INPUT, "input.notAnInteger", new Object[] { name }, locale)
				: this.messages.get(ErrorCode.BAD_USER_INPUT, "input.wrongJsonType",
						new Object[] { name, json.jsonName() }, locale);
		// the reason marks the message as the bundles' own (errors.RequestErrors keeps
		// it)
		throw CoercingParseValueException.newCoercingParseValueException()
			.message(message)
			.extensions(ErrorExtensions.reason(ErrorExtensions.INVALID_VARIABLES))
			.build();
	}

	private static boolean isId(GraphQLInputType type) {
		return type instanceof GraphQLScalarType scalar && scalar.getName().equals("ID");
	}

	private static boolean fits(JsonType json, Object value, GraphQLInputType type) {
		if (type instanceof GraphQLInputObjectType) {
			return json == JsonType.OBJECT;
		}
		if (type instanceof GraphQLEnumType) {
			return json == JsonType.STRING;
		}
		if (!(type instanceof GraphQLScalarType scalar)) {
			return true;
		}
		return switch (scalar.getName()) {
			case "Int" -> json == JsonType.NUMBER && JsonType.isInteger(value);
			case "Float" -> json == JsonType.NUMBER;
			case "String" -> json == JsonType.STRING;
			case "Boolean" -> json == JsonType.BOOLEAN;
			case "ID" -> json == JsonType.STRING || (json == JsonType.NUMBER && JsonType.isInteger(value));
			// a custom scalar reads what it reads (DateTime a string, _Any an object)
			default -> true;
		};
	}

}
