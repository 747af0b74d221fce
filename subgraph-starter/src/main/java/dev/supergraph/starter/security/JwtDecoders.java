package dev.supergraph.starter.security;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the JWT decoder from configuration. The bundled development public key is only
 * accepted with the {@code dev} or {@code test} profile; anywhere else a missing JWKS or
 * key is a startup failure, never an open door. Algorithms, issuer, audience and clock
 * skew are checked as the router checks them ({@code contract/jwt-cases.json}).
 */
final class JwtDecoders {

	static final String DEV_PUBLIC_KEY = "dev-keys/dev-public.pem";

	/** RSA, RSA-PSS and ECDSA; never HMAC (the verification key would sign) or none. */
	static final Set<SignatureAlgorithm> ALGORITHMS = Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.RS384,
			SignatureAlgorithm.RS512, SignatureAlgorithm.PS256, SignatureAlgorithm.ES256, SignatureAlgorithm.ES384);

	private JwtDecoders() {
	}

	static JwtDecoder create(SecurityProperties properties, Environment environment) {
		NimbusJwtDecoder decoder = (properties.jwkSetUri() != null)
				? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
					.jwsAlgorithms((algorithms) -> algorithms.addAll(ALGORITHMS))
					.build()
				: NimbusJwtDecoder.withJwkSource(keySet(publicKey(properties, environment)))
					.jwsAlgorithms((algorithms) -> algorithms.addAll(ALGORITHMS))
					.build();
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTimestampValidator(properties.clockSkew()));
		if (properties.issuer() != null) {
			validators.add(new JwtIssuerValidator(properties.issuer()));
		}
		if (properties.audience() != null) {
			validators.add(new JwtAudienceValidator(properties.audience()));
		}
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		return decoder;
	}

	/** A one-key set, so that the one key takes every RSA algorithm of the list. */
	private static JWKSource<SecurityContext> keySet(RSAPublicKey key) {
		return new ImmutableJWKSet<>(new JWKSet(new RSAKey.Builder(key).build()));
	}

	private static RSAPublicKey publicKey(SecurityProperties properties, Environment environment) {
		Resource location = properties.publicKeyLocation();
		if (location == null) {
			if (!environment.acceptsProfiles(Profiles.of("dev", "test"))) {
				throw new IllegalStateException("Set subgraph.security.jwt.jwk-set-uri or "
						+ "subgraph.security.jwt.public-key-location; the development key is only "
						+ "accepted with the dev or test profile");
			}
			location = new ClassPathResource(DEV_PUBLIC_KEY);
		}
		try (InputStream in = location.getInputStream()) {
			return RsaKeyConverters.x509().convert(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the JWT public key at " + location, ex);
		}
	}

}
