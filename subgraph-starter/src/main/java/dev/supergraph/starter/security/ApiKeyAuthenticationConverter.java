package dev.supergraph.starter.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads the {@code X-Api-Key} header the router forwards. A key together with a bearer
 * token is ambiguous and refused, rather than silently preferring one of them.
 */
final class ApiKeyAuthenticationConverter implements AuthenticationConverter {

	static final String HEADER = "X-Api-Key";

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		String key = request.getHeader(HEADER);
		if (key == null) {
			return null;
		}
		if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			throw new BadCredentialsException("Both an API key and a bearer token were sent");
		}
		return ApiKeyAuthentication.unverified(key);
	}

}
