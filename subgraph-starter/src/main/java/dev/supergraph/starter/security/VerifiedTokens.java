package dev.supergraph.starter.security;

import java.time.Duration;

import dev.supergraph.starter.caching.RequestPathCaches;
import com.github.benmanes.caffeine.cache.Cache;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers tokens whose signature was verified, so that the same token on the next
 * request of a session, or on the router's next fetch for the same client request, is not
 * verified again: an RSA verification and the parse around it were 6 % of a subgraph's
 * request time. A remembered token is still validated on every use (expiry, not-before,
 * issuer, audience), only tokens that passed in full are remembered, and each for one
 * minute at most, so a key withdrawn from the JWKS stops being honoured about as soon as
 * the key set's own cache lets it.
 */
final class VerifiedTokens implements JwtDecoder {

	static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);

	private final JwtDecoder verifier;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Cache<String, Jwt> verified;

	/**
	 * @param verifier the decoder that verifies and validates
	 * @param validator the validator the verifier runs, run again on every remembered
	 * token
	 * @param maximumSize how many tokens to remember at most
	 */
	VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int maximumSize) {
		this.verifier = verifier;
		this.validator = validator;
		this.verified = RequestPathCaches.newBuilder()
			.maximumSize(maximumSize)
			.expireAfterWrite(REMEMBERED_FOR)
			.build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = this.verified.getIfPresent(token);
		if (known == null) {
			Jwt jwt = this.verifier.decode(token);
			this.verified.put(token, jwt);
			return jwt;
		}
		OAuth2TokenValidatorResult result = this.validator.validate(known);
		if (result.hasErrors()) {
			this.verified.invalidate(token);
			throw new JwtValidationException(
					"The token is no longer valid: " + result.getErrors().iterator().next().getDescription(),
					result.getErrors());
		}
		return known;
	}

}
