package dev.supergraph.starter.security;

import java.util.HashSet;
import java.util.Set;

import dev.supergraph.starter.observability.ClientNames;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Captures the caller once per request, on the request thread, into the GraphQL context:
 * resolvers and batch loaders then see the same {@link Viewer} whatever thread runs them,
 * and the same client name ({@link RequestClientNames}).
 */
class ViewerInterceptor implements WebGraphQlInterceptor {

	private static final String SCOPE_PREFIX = "SCOPE_";

	private final RequestClientNames clientNames;

	ViewerInterceptor(RequestClientNames clientNames) {
		this.clientNames = clientNames;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Viewer viewer = currentViewer();
		String clientName = this.clientNames.choose(viewer, request.getHeaders()::getFirst);
		request.configureExecutionInput((input, builder) -> {
			input.getGraphQLContext().put(Viewer.class, viewer);
			input.getGraphQLContext().put(ClientNames.KEY, clientName);
			return input;
		});
		return chain.next(request);
	}

	/**
	 * The caller of the current request, from Spring Security's context.
	 * @return the viewer, {@link Viewer#ANONYMOUS} when there is none
	 */
	static Viewer currentViewer() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof ApiKeyAuthentication apiKey && apiKey.client() != null) {
			ApiKeyClient client = apiKey.client();
			return Viewer.machine(client.keyId(), client.client(), client.scopes());
		}
		if (!(authentication instanceof JwtAuthenticationToken jwt) || !jwt.isAuthenticated()) {
			return Viewer.ANONYMOUS;
		}
		Set<String> scopes = new HashSet<>();
		for (GrantedAuthority authority : jwt.getAuthorities()) {
			String name = authority.getAuthority();
			if (name != null && name.startsWith(SCOPE_PREFIX)) {
				scopes.add(name.substring(SCOPE_PREFIX.length()));
			}
		}
		return new Viewer(jwt.getToken().getSubject(), scopes);
	}

}
