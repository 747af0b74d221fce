package dev.supergraph.starter.security;

import java.time.Duration;

import dev.supergraph.starter.settings.HttpUrl;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * How a subgraph validates bearer tokens.
 *
 * @param jwkSetUri the JWKS endpoint of the identity provider (production)
 * @param publicKeyLocation a PEM RSA public key instead of a JWKS
 * @param issuer the expected {@code iss} claim, if any
 * @param audience a value the {@code aud} claim must contain, if any (the router's
 * {@code JWT_AUDIENCE})
 * @param clockSkew tolerated clock difference when checking {@code exp} and {@code nbf}
 * @param verifiedTokens how many verified tokens to remember so that their signature is
 * not verified again on every request (each for a minute at most, still validated on
 * every use); 0 verifies every request
 */
@ConfigurationProperties(prefix = "subgraph.security.jwt", ignoreUnknownFields = false)
public record SecurityProperties(@Nullable @HttpUrl String jwkSetUri, @Nullable Resource publicKeyLocation,
		@Nullable String issuer, @Nullable String audience,
		@DefaultValue("30s") @DurationMin(nanos = 0) Duration clockSkew,
		@DefaultValue("1000") @Min(0) int verifiedTokens) {

}
