package dev.supergraph.starter.inputs;

import dev.supergraph.starter.errors.ErrorMessages;
import dev.supergraph.starter.errors.ErrorsAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Input checks of every subgraph, applied to every operation before execution.
 */
@AutoConfiguration(before = GraphQlAutoConfiguration.class, after = ErrorsAutoConfiguration.class)
@EnableConfigurationProperties(InputsProperties.class)
public final class InputsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "subgraph.inputs.storable-text", matchIfMissing = true)
	StorableTextInstrumentation storableTextInstrumentation(ErrorMessages messages) {
		return new StorableTextInstrumentation(messages);
	}

}
