package dev.supergraph.starter.security;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the JWT decoder from configuration. The bundled development public key is only
 * accepted with the {@code dev} or {@code test} profile; anywhere else a missing JWKS or
 * key is a startup failure, never an open door.
 */
final class JwtDecoders {

	static final String DEV_PUBLIC_KEY = "dev-keys/dev-public.pem";

	private JwtDecoders() {
	}

	static JwtDecoder create(SecurityProperties properties, Environment environment) {
		NimbusJwtDecoder decoder = (properties.jwkSetUri() != null)
				? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
				: NimbusJwtDecoder.withPublicKey(publicKey(properties, environment)).build();
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTimestampValidator(properties.clockSkew()));
		if (properties.issuer() != null) {
			validators.add(new JwtIssuerValidator(properties.issuer()));
		}
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		return decoder;
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
