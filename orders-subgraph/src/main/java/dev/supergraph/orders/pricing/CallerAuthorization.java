package dev.supergraph.orders.pricing;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Keeps the caller's {@code Authorization} header in the GraphQL context, so the catalog
 * is asked on the caller's behalf (whatever thread runs the resolver).
 */
@Component
class CallerAuthorization implements WebGraphQlInterceptor {

	/** GraphQL context key of the caller's {@code Authorization} header value. */
	static final String CONTEXT_KEY = "orders.callerAuthorization";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization != null) {
			request.configureExecutionInput((input, builder) -> {
				input.getGraphQLContext().put(CONTEXT_KEY, authorization);
				return input;
			});
		}
		return chain.next(request);
	}

}
