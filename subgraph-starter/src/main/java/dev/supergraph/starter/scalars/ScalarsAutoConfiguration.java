package dev.supergraph.starter.scalars;

import dev.supergraph.starter.errors.ErrorMessages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Scalars every subgraph shares, so that a {@code DateTime} means the same in all of
 * them, and the JSON types each input type takes from a variable
 * ({@link JsonInputTypes}).
 */
@AutoConfiguration
public final class ScalarsAutoConfiguration {

	@Bean
	RuntimeWiringConfigurer sharedScalars() {
		return (wiring) -> wiring.scalar(DateTimeScalar.INSTANCE);
	}

	@Bean
	@ConditionalOnMissingBean
	JsonInputTypes jsonInputTypes(ObjectProvider<ErrorMessages> messages) {
		return new JsonInputTypes(messages.getIfAvailable(ErrorMessages::new));
	}

}
