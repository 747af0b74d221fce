package dev.supergraph.starter.errors;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Spring for GraphQL resolves exceptions of {@code @EntityMapping} methods
 * ({@code _entities}) only through {@code @GraphQlExceptionHandler} methods, and
 * otherwise answers with the raw exception message. This advice gives them the same
 * treatment as every other resolver: a documented code, a bundle message, the request id.
 */
@ControllerAdvice
class EntityMappingExceptionAdvice {

	private final SubgraphExceptionResolver resolver;

	EntityMappingExceptionAdvice(SubgraphExceptionResolver resolver) {
		this.resolver = resolver;
	}

	@GraphQlExceptionHandler
	GraphQLError handle(Exception ex, DataFetchingEnvironment environment) {
		return this.resolver.toError(ex, environment);
	}

}
