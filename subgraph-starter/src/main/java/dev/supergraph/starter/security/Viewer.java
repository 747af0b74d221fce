package dev.supergraph.starter.security;

import java.util.Set;

import dev.supergraph.starter.errors.SubgraphException;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling: the user id ({@code sub} of the JWT) and the granted scopes, or
 * anonymous. Declare it as a parameter of a controller method to receive it.
 *
 * @param userId the authenticated user's id, {@code null} when anonymous
 * @param scopes the scopes of the token, empty when anonymous
 */
public record Viewer(@Nullable String userId, Set<String> scopes) {

	/** The anonymous caller. */
	public static final Viewer ANONYMOUS = new Viewer(null, Set.of());

	public Viewer {
		scopes = Set.copyOf(scopes);
	}

	public boolean isAuthenticated() {
		return this.userId != null;
	}

	public boolean hasScope(String scope) {
		return this.scopes.contains(scope);
	}

	/**
	 * The user id of an authenticated caller.
	 * @return the user id
	 * @throws SubgraphException with {@code UNAUTHENTICATED} for an anonymous caller
	 */
	public String requireUserId() {
		if (this.userId == null) {
			throw SubgraphException.unauthenticated();
		}
		return this.userId;
	}

}
