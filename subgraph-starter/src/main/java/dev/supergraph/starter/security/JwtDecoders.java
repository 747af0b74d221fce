package dev.supergraph.starter.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import dev.supergraph.starter.settings.MissingSettingException;
import dev.supergraph.starter.settings.SettingFiles;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * Builds the JWT decoder from configuration. The bundled development public key is only
 * accepted with the {@code dev} or {@code test} profile; anywhere else a missing JWKS or
 * key is a startup failure, never an open door. Algorithms, issuer, audience and clock
 * skew are checked as the router checks them ({@code contract/jwt-cases.json}).
 */
final class JwtDecoders {

	static final String DEV_PUBLIC_KEY = "dev-keys/dev-public.pem";

	/** RSA, RSA-PSS and ECDSA; never HMAC (the verification key would sign) or none. */
	/**
	 * The claims that carry a token's scopes, as Spring Security and the router read
	 * them.
	 */
	private static final List<String> SCOPE_CLAIMS = List.of("scope", "scp");

	static final Set<SignatureAlgorithm> ALGORITHMS = Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.RS384,
			SignatureAlgorithm.RS512, SignatureAlgorithm.PS256, SignatureAlgorithm.ES256, SignatureAlgorithm.ES384);

	private JwtDecoders() {
	}

	static JwtDecoder create(SecurityProperties properties, Environment environment) {
		String jwkSetUri = properties.jwkSetUri();
		NimbusJwtDecoder decoder = StringUtils.hasText(jwkSetUri)
				? NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
					.jwsAlgorithms((algorithms) -> algorithms.addAll(ALGORITHMS))
					.build()
				: NimbusJwtDecoder.withPublicKey(publicKey(properties, environment))
					.jwtProcessorCustomizer((processor) -> processor.setJWSKeySelector(anyAlgorithmOf(processor)))
					.build();
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTimestampValidator(properties.clockSkew()));
		if (properties.issuer() != null) {
			validators.add(new JwtIssuerValidator(properties.issuer()));
		}
		if (properties.audience() != null) {
			validators.add(new JwtAudienceValidator(properties.audience()));
		}
		OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(validators);
		decoder.setJwtValidator(validator);
		JwtDecoder stringClaims = (token) -> withStringClaims(decoder.decode(token));
		return (properties.verifiedTokens() > 0)
				? new VerifiedTokens(stringClaims, validator, properties.verifiedTokens()) : stringClaims;
	}

	/**
	 * A verified token whose subject, if it has one, is a string (RFC 7519), and whose
	 * scopes ({@code scope}, {@code scp}), if it has them, are a string or a list of
	 * strings. Nimbus reads a number as its text, rounded when large
	 * ({@code 1.2345678901234567E19}), and Spring Security casts every item of a scope
	 * list to a string, so the token as sent is read again; the router refuses such a
	 * token too.
	 */
	private static Jwt withStringClaims(Jwt jwt) {
		Map<String, Object> payload;
		try {
			payload = JOSEObject.parse(jwt.getTokenValue()).getPayload().toJSONObject();
		}
		catch (ParseException ex) {
			throw new BadJwtException("the token cannot be read again", ex);
		}
		Object subject = payload.get("sub");
		if (subject != null && !(subject instanceof String)) {
			throw new BadJwtException("the subject (sub) must be a string");
		}
		for (String claim : SCOPE_CLAIMS) {
			if (payload.containsKey(claim) && !stringOrStrings(payload.get(claim))) {
				throw new BadJwtException("the scopes (" + claim + ") must be a string or a list of strings");
			}
		}
		return jwt;
	}

	private static boolean stringOrStrings(@Nullable Object value) {
		return (value instanceof String)
				|| (value instanceof List<?> items && items.stream().allMatch(String.class::isInstance));
	}

	/**
	 * The one configured key for every algorithm of the list, whatever the token's key id
	 * (as the router's single key does); the builder alone takes one algorithm.
	 */
	private static JWSKeySelector<SecurityContext> anyAlgorithmOf(ConfigurableJWTProcessor<SecurityContext> processor) {
		JWSKeySelector<SecurityContext> single = processor.getJWSKeySelector();
		Set<String> names = ALGORITHMS.stream().map(SignatureAlgorithm::getName).collect(Collectors.toSet());
		return (header, context) -> names.contains(header.getAlgorithm().getName())
				? single.selectJWSKeys(new JWSHeader(JWSAlgorithm.RS256), context) : List.of();
	}

	private static RSAPublicKey publicKey(SecurityProperties properties, Environment environment) {
		Resource location = properties.publicKeyLocation();
		if (location == null) {
			if (!environment.acceptsProfiles(Profiles.of("dev", "test"))) {
				throw new MissingSettingException(
						"subgraph.security.jwt.jwk-set-uri or subgraph.security.jwt.public-key-location",
						"the development key is only accepted with the dev or test profile",
						"Set the token issuer's JWKS URL (SUBGRAPH_SECURITY_JWT_JWK_SET_URI) or its PEM public key "
								+ "(SUBGRAPH_SECURITY_JWT_PUBLIC_KEY_LOCATION, e.g. file:/run/secrets/jwt.pem), "
								+ "as the router's JWT_JWKS_URL or JWT_PUBLIC_KEY_FILE.");
			}
			location = new ClassPathResource(DEV_PUBLIC_KEY);
		}
		try (InputStream in = keyStream(location)) {
			return RsaKeyConverters.x509().convert(in);
		}
		catch (IOException | IllegalArgumentException ex) {
			String property = "subgraph.security.jwt.public-key-location";
			throw SettingFiles.unusable(property, environment.getProperty(property, location.toString()), ex);
		}
	}

	// A file is read as every file a setting names (a regular file of bounded size); the
	// development key comes from the classpath.
	private static InputStream keyStream(Resource location) throws IOException {
		if (!location.isFile()) {
			return location.getInputStream();
		}
		return new ByteArrayInputStream(SettingFiles.read(location.getFile().toPath(), SettingFiles.MAX_BYTES));
	}

}
