package dev.supergraph.starter.execution;

import graphql.execution.instrumentation.Instrumentation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Runs every {@link Instrumentation} bean (the starter's, Spring's observation, the
 * application's) as one {@link LeanInstrumentationChain} instead of the chain Spring for
 * GraphQL builds, same beans in the same order.
 * {@code subgraph.execution.lean-instrumentation=false} keeps Spring's chain, to compare
 * the two.
 */
@AutoConfiguration(before = GraphQlAutoConfiguration.class)
public final class ExecutionAutoConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "subgraph.execution.lean-instrumentation", matchIfMissing = true)
	GraphQlSourceBuilderCustomizer leanInstrumentationChainCustomizer(
			ObjectProvider<Instrumentation> instrumentations) {
		// Spring applies GraphQL configurers after it has set its own chain, so this
		// replaces it.
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl
			.instrumentation(LeanInstrumentationChain.of(instrumentations.orderedStream().toList())));
	}

}
