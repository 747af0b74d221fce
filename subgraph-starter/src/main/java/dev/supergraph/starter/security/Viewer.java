package dev.supergraph.starter.security;

import java.util.OptionalLong;
import java.util.Set;

import dev.supergraph.starter.errors.SubgraphException;
import dev.supergraph.starter.ids.Ids;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling: a user (the {@code sub} of a JWT), a machine client (an API key), or
 * anonymous, with the granted scopes. Declare it as a parameter of a controller method to
 * receive it.
 *
 * @param userId the authenticated user's id, {@code null} for a machine client or
 * anonymous
 * @param scopes the scopes of the token or key, empty when anonymous
 * @param apiKeyId the API key's id for a machine client, else {@code null}
 * @param apiKeyClient the machine client's name, else {@code null}
 */
public record Viewer(@Nullable String userId, Set<String> scopes, @Nullable String apiKeyId,
		@Nullable String apiKeyClient) {

	/** The anonymous caller. */
	public static final Viewer ANONYMOUS = new Viewer(null, Set.of());

	public Viewer {
		scopes = Set.copyOf(scopes);
	}

	/**
	 * A user.
	 * @param userId the user's id, {@code null} for anonymous
	 * @param scopes the token's scopes
	 */
	public Viewer(@Nullable String userId, Set<String> scopes) {
		this(userId, scopes, null, null);
	}

	/**
	 * A machine client authenticated by an API key; it is no user, so it owns nothing.
	 * @param keyId the key's id
	 * @param client the client's name
	 * @param scopes the key's scopes
	 * @return the viewer
	 */
	public static Viewer machine(String keyId, String client, Set<String> scopes) {
		return new Viewer(null, scopes, keyId, client);
	}

	/**
	 * The caller of the request on this thread, as Spring Security authenticated it: for
	 * servlet filters that run before GraphQL, where no controller argument exists.
	 * @return the viewer, {@link #ANONYMOUS} when nobody is authenticated
	 */
	public static Viewer current() {
		return ViewerInterceptor.currentViewer();
	}

	public boolean isAuthenticated() {
		return this.userId != null || this.apiKeyId != null;
	}

	public boolean hasScope(String scope) {
		return this.scopes.contains(scope);
	}

	/**
	 * Who this is, for logs: the user id, {@code apikey:<id>} or {@code anonymous}.
	 * @return the subject
	 */
	public String subject() {
		if (this.userId != null) {
			return this.userId;
		}
		return (this.apiKeyId != null) ? "apikey:" + this.apiKeyId : "anonymous";
	}

	/**
	 * The user id of an authenticated user.
	 * @return the user id
	 * @throws SubgraphException with {@code UNAUTHENTICATED} for an anonymous caller and
	 * {@code FORBIDDEN} for a machine client, which acts for no user
	 */
	public String requireUserId() {
		if (this.userId == null) {
			throw (this.apiKeyId != null) ? SubgraphException.forbidden() : SubgraphException.unauthenticated();
		}
		return this.userId;
	}

	/**
	 * The numeric user id of an authenticated user, for subgraphs that number users: the
	 * subject in canonical decimal form ({@link Ids#tryParseSubject}), so that one user
	 * is one subject.
	 * @return the user id, empty for a subject that is not one (letters, a leading zero)
	 * @throws SubgraphException as {@link #requireUserId()} does
	 */
	public OptionalLong requireUserNumber() {
		return Ids.tryParseSubject(requireUserId());
	}

}
