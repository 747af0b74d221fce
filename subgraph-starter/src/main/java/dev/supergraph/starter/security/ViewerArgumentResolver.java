package dev.supergraph.starter.security;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.core.MethodParameter;
import org.springframework.graphql.data.method.HandlerMethodArgumentResolver;

/**
 * Resolves a {@link Viewer} parameter of a controller method from the GraphQL context.
 */
class ViewerArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Viewer.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, DataFetchingEnvironment environment) {
		Viewer viewer = environment.getGraphQlContext().get(Viewer.class);
		return (viewer != null) ? viewer : Viewer.ANONYMOUS;
	}

}
