package dev.supergraph.starter.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.supergraph.starter.contract.ContractFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.FileSystemResource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JWT contract ({@code contract/jwt-cases.json}) against the subgraphs' decoder,
 * reading its keys from a JWKS over real HTTP as in production; the router's verification
 * runs the same cases ({@code contract-jwt.test.mjs}).
 */
class JwtDecodersContractTests {

	private static final JsonNode contract = ContractFiles.read("jwt-cases.json");

	private static final Map<String, JWK> keys = new HashMap<>();

	private static RSAKey foreign;

	private static HttpServer jwks;

	private static JwtDecoder decoder;

	private static JwtDecoder publicKeyDecoder;

	@BeforeAll
	static void publishKeys() throws Exception {
		keys.put("rsa", new RSAKeyGenerator(2048).keyID("rsa").generate());
		keys.put("ec256", new ECKeyGenerator(Curve.P_256).keyID("ec256").generate());
		keys.put("ec384", new ECKeyGenerator(Curve.P_384).keyID("ec384").generate());
		foreign = new RSAKeyGenerator(2048).keyID("rsa").generate();
		byte[] published = new JWKSet(new ArrayList<>(keys.values())).toPublicJWKSet()
			.toString()
			.getBytes(StandardCharsets.UTF_8);
		jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		jwks.createContext("/jwks", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, published.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(published);
			}
		});
		jwks.start();
		JsonNode verifier = contract.path("verifier");
		SecurityProperties properties = new SecurityProperties(
				"http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks", null, verifier.path("issuer").asString(),
				verifier.path("audience").asString(), Duration.ofSeconds(verifier.path("clockSkewSeconds").asLong()),
				1000);
		decoder = JwtDecoders.create(properties, new MockEnvironment());
		Path pem = Files.createTempFile("jwt", ".pem");
		pem.toFile().deleteOnExit();
		Files.writeString(pem,
				"-----BEGIN PUBLIC KEY-----\n"
						+ Base64.getMimeEncoder()
							.encodeToString(((RSAKey) keys.get("rsa")).toRSAPublicKey().getEncoded())
						+ "\n-----END PUBLIC KEY-----\n");
		publicKeyDecoder = JwtDecoders.create(new SecurityProperties(null, new FileSystemResource(pem),
				properties.issuer(), properties.audience(), properties.clockSkew(), 1000), new MockEnvironment());
	}

	@AfterAll
	static void stopJwks() {
		jwks.stop(0);
	}

	static Stream<Named<JsonNode>> cases() {
		return contract.path("cases").valueStream().map((each) -> Named.of(each.path("name").asString(), each));
	}

	@Test
	void acceptsExactlyTheContractAlgorithms() {
		List<String> expected = new ArrayList<>();
		contract.path("acceptedAlgorithms").forEach((alg) -> expected.add(alg.asString()));
		assertThat(JwtDecoders.ALGORITHMS).extracting(SignatureAlgorithm::getName)
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	@ParameterizedTest
	@MethodSource("cases")
	void tokenIsDecidedAsTheContractSays(JsonNode testCase) throws JOSEException {
		String token = tokenOf(testCase);
		assertThat(accepted(token)).isEqualTo(testCase.path("accepted").asBoolean());
		// the second time from the verified tokens, if it passed: the same decision
		assertThat(accepted(token)).isEqualTo(testCase.path("accepted").asBoolean());
	}

	/** A single PEM key instead of a JWKS: the same decisions for the RSA cases. */
	@ParameterizedTest
	@MethodSource("cases")
	void tokenIsDecidedAsTheContractSaysWithAPublicKeyFile(JsonNode testCase) throws JOSEException {
		boolean rsa = testCase.path("kid").asString().equals("rsa");
		assertThat(accepted(publicKeyDecoder, tokenOf(testCase)))
			.isEqualTo(rsa && testCase.path("accepted").asBoolean());
	}

	private static boolean accepted(String token) {
		return accepted(decoder, token);
	}

	private static boolean accepted(JwtDecoder decoder, String token) {
		try {
			decoder.decode(token);
			return true;
		}
		catch (JwtException ex) {
			return false;
		}
	}

	private static String tokenOf(JsonNode testCase) throws JOSEException {
		String alg = testCase.path("alg").asString();
		JWTClaimsSet claims = claims(testCase.path("claims"));
		if (alg.equals("none")) {
			String header = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
			String payload = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
			return header + "." + payload + ".";
		}
		String kid = testCase.path("kid").asString();
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.parse(alg)).keyID(kid).type(JOSEObjectType.JWT).build();
		// with the claims a case sets to null, which a SignedJWT would leave out
		JWSObject token = new JWSObject(header, new Payload(claims.toJSONObject(true)));
		token.sign(signer(alg, testCase.path("foreignKey").asBoolean() ? foreign : keys.get(kid)));
		return token.serialize();
	}

	private static JWSSigner signer(String alg, JWK key) throws JOSEException {
		if (alg.startsWith("HS")) {
			return new MACSigner("any-secret-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8));
		}
		return (key instanceof ECKey ec) ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
	}

	private static JWTClaimsSet claims(JsonNode claims) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject("u1")
			.issueTime(Date.from(now.minusSeconds(contract.path("issuedAt").asLong())));
		if (claims.has("iss")) {
			builder.issuer(claims.path("iss").asString());
		}
		JsonNode audience = claims.path("aud");
		if (audience.isArray()) {
			builder.audience(audience.valueStream().map(JsonNode::asString).toList());
		}
		else if (audience.isString()) {
			builder.audience(audience.asString());
		}
		if (claims.has("exp")) {
			builder.expirationTime(Date.from(now.plusSeconds(claims.path("exp").asLong())));
		}
		if (claims.has("nbf")) {
			builder.notBeforeTime(Date.from(now.plusSeconds(claims.path("nbf").asLong())));
		}
		if (!claims.has("scp")) {
			builder.claim("scope", "orders:read");
		}
		for (String scopes : List.of("scope", "scp")) {
			if (claims.has(scopes)) {
				builder.claim(scopes, JsonMapper.shared().treeToValue(claims.path(scopes), Object.class));
			}
		}
		JsonNode subject = claims.path("sub");
		if (subject.isNumber()) {
			builder.claim("sub", subject.numberValue());
		}
		else if (subject.isObject()) {
			builder.claim("sub", Map.of("id", subject.path("id").asString()));
		}
		return builder.build();
	}

}
