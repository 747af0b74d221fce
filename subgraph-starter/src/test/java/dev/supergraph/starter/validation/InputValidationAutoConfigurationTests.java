package dev.supergraph.starter.validation;

import java.util.function.Supplier;

import dev.supergraph.starter.errors.ErrorMessages;
import dev.supergraph.starter.errors.ErrorsAutoConfiguration;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every subgraph gets the validator and the directive's definition; a subgraph's own
 * validator takes precedence.
 */
class InputValidationAutoConfigurationTests {

	final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(JacksonAutoConfiguration.class, ErrorsAutoConfiguration.class, InputValidationAutoConfiguration.class));

	@Test
	void theValidatorAndTheDirectiveAreThereByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(InputValidator.class);
			assertThat(context).hasBean("constraintDirectiveCustomizer")
				.getBean("constraintDirectiveCustomizer")
				.isInstanceOf(GraphQlSourceBuilderCustomizer.class);
		});
	}

	@Test
	void aSubgraphsOwnValidatorTakesPrecedence() {
		Supplier<GraphQLSchema> schema = () -> InputValidatorTests.schema(InputValidatorTests.SDL);
		InputValidator own = new InputValidator(schema, new ErrorMessages());
		this.runner.withBean(InputValidator.class, () -> own)
			.run((context) -> assertThat(context).getBean(InputValidator.class).isSameAs(own));
	}

}
