package dev.supergraph.starter.federation;

import dev.supergraph.starter.errors.ErrorMessages;
import dev.supergraph.starter.execution.PropertyReaders;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.federation.FederationSchemaFactory;

/**
 * Builds every subgraph schema as a Federation 2 schema ({@code _service},
 * {@code _entities}) with entity resolution by {@code @EntityMapping} methods.
 * <p>
 * Apollo's {@code ftv1} tracing instrumentation is deliberately not registered: it copies
 * raw exception messages into the trace it returns to any caller. Malformed
 * {@code _entities} representations are refused before any entity method sees them
 * ({@link CheckedEntitiesFetcher}). The schema is built here, so this is also where
 * fields read from their parent objects get their own readers ({@link PropertyReaders}).
 */
@AutoConfiguration(before = GraphQlAutoConfiguration.class)
public final class FederationAutoConfiguration {

	@Bean
	FederationSchemaFactory federationSchemaFactory() {
		return new FederationSchemaFactory();
	}

	@Bean
	GraphQlSourceBuilderCustomizer federationSchemaCustomizer(FederationSchemaFactory factory, ErrorMessages messages) {
		return (builder) -> builder.configureTypeDefinitions(new SharedPageInfoConfigurer())
			.configureTypeDefinitions(new SharedTypesConfigurer())
			.schemaFactory((registry, wiring) -> PropertyReaders
				.install(CheckedEntities.install(factory.createGraphQLSchema(registry, wiring), messages)));
	}

}
