package dev.supergraph.starter.scalars;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.supergraph.starter.errors.ErrorMessages;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code DateTime} as every subgraph gets it from the starter: written as RFC 3339 in
 * UTC, read from variables and literals with any offset, and a malformed timestamp is a
 * validation error of the request, never a resolver failure.
 */
class ScalarsAutoConfigurationTests {

	private static final String SCHEMA = """
			scalar DateTime
			type Query {
				placedAt: DateTime
				localTime: DateTime
				echo(at: DateTime!): DateTime
			}
			""";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ScalarsAutoConfiguration.class));

	@Test
	void writesInstantsAndOffsetTimesInUtc() {
		this.runner.run((context) -> {
			GraphQL graphQl = graphQl(context.getBean(RuntimeWiringConfigurer.class));
			ExecutionResult result = graphQl.execute("{ placedAt localTime }");
			assertThat(result.getErrors()).isEmpty();
			assertThat((Map<String, Object>) result.getData()).containsEntry("placedAt", "2026-11-25T09:36:27Z")
				.containsEntry("localTime", "2026-11-25T09:36:27Z");
		});
	}

	@Test
	void readsLiteralsAndVariablesWithAnyOffset() {
		this.runner.run((context) -> {
			GraphQL graphQl = graphQl(context.getBean(RuntimeWiringConfigurer.class));
			assertThat((Map<String, Object>) graphQl.execute("{ echo(at: \"2026-11-25T11:36:27+02:00\") }").getData())
				.containsEntry("echo", "2026-11-25T09:36:27Z");
			ExecutionResult fromVariable = graphQl.execute(ExecutionInput.newExecutionInput()
				.query("query ($at: DateTime!) { echo(at: $at) }")
				.variables(Map.of("at", "2026-11-25T09:36:27Z")));
			assertThat((Map<String, Object>) fromVariable.getData()).containsEntry("echo", "2026-11-25T09:36:27Z");
		});
	}

	@Test
	void refusesWhatIsNoTimestampBeforeAnyResolverRuns() {
		this.runner.run((context) -> {
			GraphQL graphQl = graphQl(context.getBean(RuntimeWiringConfigurer.class));
			for (String literal : List.of("\"yesterday\"", "\"2026-11-25\"", "\"2026-13-01T00:00:00Z\"", "42")) {
				ExecutionResult result = graphQl.execute("{ echo(at: " + literal + ") }");
				assertThat(result.getErrors()).as(literal).singleElement().satisfies((error) -> {
					assertThat(error.getErrorType().toString()).isEqualTo("ValidationError");
					assertThat(error.getMessage()).doesNotContain("Exception");
				});
			}
			ExecutionResult fromVariable = graphQl.execute(ExecutionInput.newExecutionInput()
				.query("query ($at: DateTime!) { echo(at: $at) }")
				.variables(Map.of("at", "soon")));
			assertThat(fromVariable.getErrors()).singleElement()
				.satisfies((error) -> assertThat(error.getMessage()).contains("RFC 3339"));
		});
	}

	@Test
	void checksTheJsonTypesOfVariablesUnlessTheSubgraphHasItsOwnCheck() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(JsonInputTypes.class));
		JsonInputTypes own = new JsonInputTypes(new ErrorMessages());
		this.runner.withBean(JsonInputTypes.class, () -> own)
			.run((context) -> assertThat(context.getBean(JsonInputTypes.class)).isSameAs(own));
	}

	private static GraphQL graphQl(RuntimeWiringConfigurer sharedScalars) {
		Instant instant = Instant.parse("2026-11-25T09:36:27Z");
		RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
			.type("Query",
					(type) -> type.dataFetcher("placedAt", (env) -> instant)
						.dataFetcher("localTime", (env) -> OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(-5)))
						.dataFetcher("echo", (env) -> env.getArgument("at")));
		sharedScalars.configure(wiring);
		return GraphQL
			.newGraphQL(new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA), wiring.build()))
			.build();
	}

}
