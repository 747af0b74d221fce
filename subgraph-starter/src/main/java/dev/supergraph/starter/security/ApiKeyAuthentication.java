package dev.supergraph.starter.security;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by an API key: before verification it holds the presented key,
 * after it the {@link ApiKeyClient} and its scopes as {@code SCOPE_} authorities, like a
 * JWT's.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private final @Nullable String presentedKey;

	private final @Nullable ApiKeyClient client;

	private ApiKeyAuthentication(@Nullable String presentedKey, @Nullable ApiKeyClient client,
			Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.presentedKey = presentedKey;
		this.client = client;
		setAuthenticated(client != null);
	}

	static ApiKeyAuthentication unverified(String presentedKey) {
		return new ApiKeyAuthentication(presentedKey, null, List.of());
	}

	static ApiKeyAuthentication verified(ApiKeyClient client) {
		List<GrantedAuthority> authorities = client.scopes()
			.stream()
			.<GrantedAuthority>map((scope) -> new SimpleGrantedAuthority("SCOPE_" + scope))
			.toList();
		return new ApiKeyAuthentication(null, client, authorities);
	}

	@Override
	public @Nullable Object getCredentials() {
		return this.presentedKey;
	}

	@Override
	public @Nullable Object getPrincipal() {
		return this.client;
	}

	@Nullable ApiKeyClient client() {
		return this.client;
	}

	@Override
	public String toString() {
		// never the key: this may end up in a log line
		return "ApiKeyAuthentication[" + ((this.client != null) ? this.client.keyId() : "unverified") + "]";
	}

}
