package dev.supergraph.starter.execution;

import graphql.execution.instrumentation.Instrumentation;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.graphql.autoconfigure.servlet.GraphQlWebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;

/**
 * Runs every {@link Instrumentation} bean (the starter's, Spring's observation, the
 * application's) as one {@link LeanInstrumentationChain} instead of the chain Spring for
 * GraphQL builds, same beans in the same order.
 * {@code subgraph.execution.lean-instrumentation=false} keeps Spring's chain, to compare
 * the two. Queries run on {@link ScalarReadsExecutionStrategy}
 * ({@code subgraph.execution.scalar-reads=false} keeps graphql-java's). The GraphQL HTTP
 * handler writes results with {@link GraphQlJsonConverter}. After each mutation field,
 * {@link AfterMutationFields} tells the {@link MutationFieldListener} beans and empties
 * the request's data loaders.
 */
@AutoConfiguration(before = { GraphQlAutoConfiguration.class, GraphQlWebMvcAutoConfiguration.class })
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

	@Bean
	@ConditionalOnBooleanProperty(name = "subgraph.execution.scalar-reads", matchIfMissing = true)
	GraphQlSourceBuilderCustomizer scalarReadsExecutionStrategyCustomizer(
			ObjectProvider<DataFetcherExceptionResolver> exceptionResolvers) {
		// A strategy set here replaces graphql-java's default one, which Spring gives a
		// handler made of the same resolvers, in the same order, as Boot hands it.
		return (builder) -> builder
			.configureGraphQl((graphQl) -> graphQl.queryExecutionStrategy(new ScalarReadsExecutionStrategy(
					DataFetcherExceptionResolver.createExceptionHandler(exceptionResolvers.orderedStream().toList()))));
	}

	@Bean
	AfterMutationFields afterMutationFields(ObjectProvider<MutationFieldListener> listeners) {
		return new AfterMutationFields(listeners.orderedStream().toList());
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler, JsonMapper json) {
		// Boot's handler (left out when this one exists) hands results to Spring MVC's
		// converters, which pick one per response and let Jackson find a serializer per
		// value.
		return new RequestErrorStatus(webGraphQlHandler, new GraphQlJsonConverter(json));
	}

}
