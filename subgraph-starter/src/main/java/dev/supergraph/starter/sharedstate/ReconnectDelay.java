package dev.supergraph.starter.sharedstate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.resource.Delay;

/**
 * How long Lettuce waits between its attempts to reconnect to a Redis it lost: doubling
 * from a millisecond, but never longer than
 * {@link SharedStateProperties#retryInterval()}. While disconnected, commands fail at
 * once, so the reconnect delay, not the retry interval, decides when an outage ends for
 * the subgraph: Lettuce's default doubles up to 30 s and kept rate limits open and the
 * replay memory per replica for up to half a minute after Redis was back.
 */
final class ReconnectDelay {

	/**
	 * The least longest wait, so that a retry interval of 0 does not reconnect in a busy
	 * loop while Redis refuses connections.
	 */
	private static final Duration FLOOR = Duration.ofMillis(100);

	private ReconnectDelay() {
	}

	/**
	 * The reconnect delay for a retry interval.
	 * @param retryInterval how long Redis is left alone after a failed call
	 * @return a delay that doubles up to the retry interval (at least 100 ms)
	 */
	static Delay upTo(Duration retryInterval) {
		Duration longest = (retryInterval.compareTo(FLOOR) < 0) ? FLOOR : retryInterval;
		return Delay.exponential(Duration.ZERO, longest, 2, TimeUnit.MILLISECONDS);
	}

}
