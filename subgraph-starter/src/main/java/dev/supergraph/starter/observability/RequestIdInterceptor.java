package dev.supergraph.starter.observability;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * Carries the request's correlation id into the GraphQL context, where resolvers and
 * exception resolvers running on other threads can read it.
 */
class RequestIdInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Object attribute = request.getAttributes().get(RequestIds.KEY);
		String id = (attribute instanceof String value) ? value
				: RequestIds.choose(request.getHeaders().getFirst(RequestIds.HEADER), null);
		request.configureExecutionInput((input, builder) -> {
			input.getGraphQLContext().put(RequestIds.KEY, id);
			return input;
		});
		return chain.next(request);
	}

}
