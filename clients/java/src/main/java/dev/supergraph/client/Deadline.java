package dev.supergraph.client;

import java.time.Duration;

/**
 * The one deadline of a call, set when it begins: obtaining the credentials, connecting,
 * waiting for the answer and reading its body all share the client's timeout, as in
 * TypeScript, so a slow supplier and a slow router together cannot keep the caller for
 * twice as long.
 */
final class Deadline {

	private final Duration timeout;

	private final long at;

	private Deadline(Duration timeout) {
		this.timeout = timeout;
		this.at = System.nanoTime() + timeout.toNanos();
	}

	static Deadline after(Duration timeout) {
		return new Deadline(timeout);
	}

	/** The whole call's timeout, for messages. */
	Duration timeout() {
		return this.timeout;
	}

	/** What is left of it, in nanoseconds; 0 once it has passed. */
	long remainingNanos() {
		return Math.max(0, this.at - System.nanoTime());
	}

	boolean passed() {
		return this.at - System.nanoTime() <= 0;
	}

}
