package dev.supergraph.starter.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import org.jspecify.annotations.Nullable;

/**
 * The one Redis call that checks a stamp against the memory shared by all replicas: the
 * marker (since when the memory is whole, epoch ms, no expiry) and the nonce's
 * {@code SET NX PX}, in one script, so no other replica's call comes between the two. A
 * missing marker means the memory was lost: it is set to now. A replica whose connection
 * was lost moves it to the moment of that loss, unless it is later already. A stamp
 * issued before the marker is refused as possibly used; its nonce is not stored.
 */
final class StampCheckScript {

	static final String SOURCE = """
			local since = tonumber(redis.call('GET', KEYS[1]))
			local restart = 0
			if since == nil then
			  restart, since = 1, tonumber(ARGV[2])
			  redis.call('SET', KEYS[1], ARGV[2])
			elseif ARGV[4] ~= '' then
			  restart = 2
			  if since < tonumber(ARGV[4]) then
			    since = tonumber(ARGV[4])
			    redis.call('SET', KEYS[1], ARGV[4])
			  end
			end
			if tonumber(ARGV[1]) < since then return {2, restart, since} end
			if redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[3]) then return {1, restart, since} end
			return {0, restart, since}""";

	private static final String SHA1 = sha1(SOURCE);

	private StampCheckScript() {
	}

	/**
	 * Checks a stamp's nonce, in one round trip (two when Redis does not know the script
	 * yet: after its restart).
	 * @param commands the connection's commands
	 * @param marker the marker's key
	 * @param nonceKey the nonce's key
	 * @param stamp the stamp, its time by the router's clock
	 * @param now this replica's time, the marker's value when it is missing
	 * @param keepFor how long the nonce is kept
	 * @param connectionLost when this replica's connection was lost, if it was since its
	 * last check
	 * @return the answer
	 */
	static Answer run(RedisCommands<String, byte[]> commands, String marker, String nonceKey,
			RouterSignature.Stamp stamp, Instant now, Duration keepFor, @Nullable Instant connectionLost) {
		String[] keys = { marker, nonceKey };
		byte[][] arguments = { millis(stamp.sentAt()), millis(now),
				Long.toString(keepFor.toMillis()).getBytes(StandardCharsets.US_ASCII),
				(connectionLost != null) ? millis(connectionLost) : new byte[0] };
		List<Object> answer;
		try {
			answer = commands.evalsha(SHA1, ScriptOutputType.MULTI, keys, arguments);
		}
		catch (RedisNoScriptException ex) {
			answer = commands.eval(SOURCE, ScriptOutputType.MULTI, keys, arguments);
		}
		return new Answer(Verdict.values()[((Long) answer.get(0)).intValue()],
				Restart.values()[((Long) answer.get(1)).intValue()], Instant.ofEpochMilli((Long) answer.get(2)));
	}

	/**
	 * An instant as the script reads it, epoch milliseconds.
	 * @param instant the instant
	 * @return its digits
	 */
	static byte[] millis(Instant instant) {
		return Long.toString(instant.toEpochMilli()).getBytes(StandardCharsets.US_ASCII);
	}

	private static String sha1(String source) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-1", ex);
		}
	}

	/**
	 * What the script found.
	 *
	 * @param verdict the stamp's verdict
	 * @param restart whether this call started the memory over
	 * @param since since when the memory is whole: stamps issued before are refused
	 */
	record Answer(Verdict verdict, Restart restart, Instant since) {

	}

	/** A stamp's verdict, in the order of the script's codes. */
	enum Verdict {

		/** Its nonce was used before. */
		USED,

		/** Its nonce is new, and now remembered. */
		FIRST_USE,

		/** Issued before the memory was started over: possibly used. */
		BEFORE_THE_MEMORY

	}

	/** Whether the memory was started over, in the order of the script's codes. */
	enum Restart {

		/** No: the marker was there. */
		NONE,

		/** The marker was missing: the memory was lost, and starts now. */
		LOST,

		/**
		 * The caller's connection was lost: the memory starts at that moment at the
		 * latest.
		 */
		RECONNECTED

	}

}
