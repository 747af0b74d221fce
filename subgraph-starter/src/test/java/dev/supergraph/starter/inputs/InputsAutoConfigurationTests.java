package dev.supergraph.starter.inputs;

import dev.supergraph.starter.errors.ErrorMessages;
import dev.supergraph.starter.errors.ErrorsAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input checks are on in every subgraph unless turned off, and give way to a
 * subgraph's own instrumentation.
 */
class InputsAutoConfigurationTests {

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ValidationAutoConfiguration.class,
				ErrorsAutoConfiguration.class, InputsAutoConfiguration.class));

	@Test
	void storableTextIsCheckedByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(StorableTextInstrumentation.class));
	}

	@Test
	void storableTextCheckCanBeTurnedOff() {
		this.runner.withPropertyValues("subgraph.inputs.storable-text=false")
			.run((context) -> assertThat(context).doesNotHaveBean(StorableTextInstrumentation.class));
	}

	@Test
	void aSubgraphsOwnInstrumentationTakesPrecedence() {
		StorableTextInstrumentation own = new StorableTextInstrumentation(new ErrorMessages());
		this.runner.withBean(StorableTextInstrumentation.class, () -> own)
			.run((context) -> assertThat(context).getBean(StorableTextInstrumentation.class).isSameAs(own));
	}

}
