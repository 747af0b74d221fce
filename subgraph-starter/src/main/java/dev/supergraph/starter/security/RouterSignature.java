package dev.supergraph.starter.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The router's HMAC signature of an upstream request: base64 HMAC-SHA256, with the shared
 * secret, over the stable JSON of {@code {query, variables}} (variables left out when
 * empty), carried in {@code extensions["hmac-signature"]}. Subgraphs verify it; a
 * subgraph calling another one signs its request the same way.
 */
public final class RouterSignature {

	/** The request extension carrying the signature. */
	public static final String EXTENSION = "hmac-signature";

	private final byte @Nullable [] secret;

	/**
	 * Signatures with a shared secret.
	 * @param secret the secret shared with the router; blank disables signing
	 * @return the signature support
	 */
	public static RouterSignature withSecret(@Nullable String secret) {
		return new RouterSignature(secret);
	}

	RouterSignature(@Nullable String secret) {
		this.secret = (secret != null && !secret.isBlank()) ? secret.getBytes(StandardCharsets.UTF_8) : null;
	}

	/**
	 * Whether requests are signed and verified.
	 * @return {@code true} when a secret is configured
	 */
	public boolean enabled() {
		return this.secret != null;
	}

	/**
	 * Sign a request.
	 * @param query the document exactly as sent
	 * @param variables the variables as sent
	 * @return the signature, or {@code null} when signing is not configured
	 */
	public @Nullable String sign(String query, @Nullable Map<String, ?> variables) {
		if (this.secret == null) {
			return null;
		}
		Map<String, Object> signed = new LinkedHashMap<>();
		signed.put("query", query);
		if (variables != null && !variables.isEmpty()) {
			signed.put("variables", variables);
		}
		return Base64.getEncoder().encodeToString(hmac(StableJson.write(signed).getBytes(StandardCharsets.UTF_8)));
	}

	boolean verify(@Nullable Object query, @Nullable Object variables, @Nullable Object signature) {
		if (!(query instanceof String text) || !(signature instanceof String claimed)) {
			return false;
		}
		Map<String, ?> map = (variables instanceof Map<?, ?> given) ? asStringKeys(given) : null;
		String expected = sign(text, map);
		return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				claimed.getBytes(StandardCharsets.US_ASCII));
	}

	private static Map<String, ?> asStringKeys(Map<?, ?> map) {
		Map<String, Object> copy = new LinkedHashMap<>();
		map.forEach((key, value) -> copy.put(String.valueOf(key), value));
		return copy;
	}

	private byte[] hmac(byte[] content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			return mac.doFinal(content);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
