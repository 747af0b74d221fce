package dev.supergraph.starter.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The router's signature of an upstream request: the freshness stamp, header
 * {@value #FRESHNESS_HEADER}, {@code t=<epoch ms>,n=<nonce>,s=<mac>}: base64url
 * HMAC-SHA256, with the secret shared with the router, over
 * {@code t.n.<hex SHA-256 of the exact body>}
 * ({@code gateway-config/router/freshness.mjs}). It covers the whole body (document,
 * variables, extensions) as sent, and {@link ReplayGuard} accepts each stamp once, while
 * it is recent. A subgraph calling another one stamps its request the same way
 * ({@link SignedSubgraphClient}).
 */
public final class RouterSignature {

	/** The request header carrying the freshness stamp. */
	public static final String FRESHNESS_HEADER = "X-Router-Freshness";

	private static final Pattern STAMP = Pattern
		.compile("t=(\\d{1,15}),n=([A-Za-z0-9_-]{16,64}),s=([A-Za-z0-9_-]{43})");

	private static final SecureRandom random = new SecureRandom();

	private final byte @Nullable [] secret;

	// Keyed once and cloned per request: looking the algorithms up in the security
	// providers and keying the MAC cost more than hashing a small body.
	private final @Nullable Mac keyedMac;

	private final MessageDigest sha256;

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
		byte[] key = this.secret;
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
			this.keyedMac = (key != null) ? keyedMac(key) : null;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 or SHA-256 is not available", ex);
		}
	}

	/**
	 * Whether requests are signed and verified.
	 * @return {@code true} when a secret is configured
	 */
	public boolean enabled() {
		return this.secret != null;
	}

	/**
	 * The freshness stamp of a request body, sent as {@value #FRESHNESS_HEADER}.
	 * @param body the exact request body
	 * @return the header value, or {@code null} when signing is not configured
	 */
	public @Nullable String freshness(byte[] body) {
		byte[] nonce = new byte[16];
		random.nextBytes(nonce);
		return freshness(body, Instant.now(), Base64.getUrlEncoder().withoutPadding().encodeToString(nonce));
	}

	/**
	 * The freshness stamp of a request body for a given time and nonce, for tests and
	 * tools that need a stale or repeated stamp.
	 * @param body the exact request body
	 * @param at the time to stamp
	 * @param nonce the nonce, 16-64 base64url characters
	 * @return the header value, or {@code null} when signing is not configured
	 */
	public @Nullable String freshness(byte[] body, Instant at, String nonce) {
		if (this.secret == null) {
			return null;
		}
		String time = Long.toString(at.toEpochMilli());
		return "t=" + time + ",n=" + nonce + ",s=" + stampMac(time, nonce, body);
	}

	/**
	 * The time and nonce of a stamp whose MAC matches the body.
	 * @param header the {@value #FRESHNESS_HEADER} header, may be {@code null}
	 * @param body the exact request body
	 * @return the stamp, or {@code null} when it is missing, malformed or forged
	 */
	public @Nullable Stamp verifiedStamp(@Nullable String header, byte[] body) {
		Matcher matcher = (header != null && this.secret != null) ? STAMP.matcher(header) : null;
		if (matcher == null || !matcher.matches()) {
			return null;
		}
		String expected = stampMac(matcher.group(1), matcher.group(2), body);
		boolean equal = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				matcher.group(3).getBytes(StandardCharsets.US_ASCII));
		return equal ? new Stamp(Instant.ofEpochMilli(Long.parseLong(matcher.group(1))), matcher.group(2)) : null;
	}

	private String stampMac(String time, String nonce, byte[] body) {
		String content = time + "." + nonce + "." + HexFormat.of().formatHex(sha256(body));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(content.getBytes(StandardCharsets.UTF_8)));
	}

	private byte[] sha256(byte[] content) {
		try {
			return ((MessageDigest) this.sha256.clone()).digest(content);
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("The JDK's SHA-256 can be cloned", ex);
		}
	}

	/**
	 * A verified freshness stamp.
	 *
	 * @param sentAt when the router sent the request
	 * @param nonce the request's one-time value
	 */
	public record Stamp(Instant sentAt, String nonce) {

	}

	private static Mac keyedMac(byte[] key) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac;
	}

	private byte[] hmac(byte[] content) {
		Mac keyed = this.keyedMac;
		if (keyed == null) {
			throw new IllegalStateException("Signing is not configured");
		}
		try {
			return ((Mac) keyed.clone()).doFinal(content);
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("The JDK's HmacSHA256 can be cloned", ex);
		}
	}

}
