package dev.supergraph.starter.flags;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One targeting rule of a flag: its value applies when every condition it has holds.
 *
 * @param value the flag's value for a matching caller
 * @param userIds the caller's user id is one of these
 * @param scopes the caller holds at least one of these
 * @param clients the caller's client name is one of these
 * @param percentage the caller's user id falls in this share of buckets
 */
record FlagRule(boolean value, @Nullable Set<String> userIds, @Nullable Set<String> scopes,
		@Nullable Set<String> clients, @Nullable Double percentage) {

	boolean matches(String flagKey, FlagCaller caller) {
		String userId = caller.userId();
		return (this.userIds == null || (userId != null && this.userIds.contains(userId)))
				&& (this.scopes == null || !Collections.disjoint(this.scopes, caller.scopes()))
				&& (this.clients == null || this.clients.contains(caller.client()))
				&& (this.percentage == null || (userId != null && bucket(flagKey, userId) < this.percentage * 100));
	}

	/**
	 * The stable bucket of a user for a flag: the first four bytes (big-endian, unsigned)
	 * of SHA-256 of {@code flagKey:userId} in UTF-8, modulo 10000. The router computes
	 * the same: a surrogate without its pair (a JWT may escape one) is U+FFFD, as Node's
	 * UTF-8 encoder writes it, not Java's {@code ?}.
	 * @param flagKey the flag
	 * @param userId the user id
	 * @return 0 to 9999
	 */
	static int bucket(String flagKey, String userId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(wellFormed(flagKey + ":" + userId).getBytes(StandardCharsets.UTF_8));
			return (int) (Integer.toUnsignedLong(ByteBuffer.wrap(digest).getInt()) % 10000);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The text with every surrogate that is not half of a pair replaced by U+FFFD. */
	private static String wellFormed(String text) {
		if (text.chars().noneMatch((c) -> Character.isSurrogate((char) c))) {
			return text;
		}
		StringBuilder result = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				result.append(c).append(text.charAt(++i));
			}
			else {
				result.append(Character.isSurrogate(c) ? '\uFFFD' : c);
			}
		}
		return result.toString();
	}

}
