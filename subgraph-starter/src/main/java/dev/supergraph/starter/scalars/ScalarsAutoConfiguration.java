package dev.supergraph.starter.scalars;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Scalars every subgraph shares, so that a {@code DateTime} means the same in all of
 * them.
 */
@AutoConfiguration
public final class ScalarsAutoConfiguration {

	@Bean
	RuntimeWiringConfigurer sharedScalars() {
		return (wiring) -> wiring.scalar(DateTimeScalar.INSTANCE);
	}

}
