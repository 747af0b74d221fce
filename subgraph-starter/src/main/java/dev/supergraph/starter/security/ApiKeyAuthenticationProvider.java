package dev.supergraph.starter.security;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Verifies an {@link ApiKeyAuthentication} against the key file; without a key file every
 * key is refused.
 */
final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

	private final @Nullable ApiKeyStore store;

	ApiKeyAuthenticationProvider(@Nullable ApiKeyStore store) {
		this.store = store;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		if (this.store == null) {
			throw new BadCredentialsException("API keys are not enabled");
		}
		return this.store.verify(String.valueOf(authentication.getCredentials()))
			.map(ApiKeyAuthentication::verified)
			.orElseThrow(() -> new BadCredentialsException("Invalid API key"));
	}

	/**
	 * The client names of the key file, which only their keys give.
	 * @return the names, none without a key file
	 */
	Set<String> keyClients() {
		return (this.store != null) ? this.store.clients() : Set.of();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return ApiKeyAuthentication.class.isAssignableFrom(authentication);
	}

}
