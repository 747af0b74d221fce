package dev.supergraph.client;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How a {@link SupergraphClient} talks to the router, beyond where and as whom.
 *
 * @param timeout how long one call may take, from obtaining the credentials to the last
 * byte of the answer, all of it together: past it the result is a
 * {@link ErrorCode#CLIENT_ERROR}, so neither a router that never answers nor a supplier
 * that hangs can hold the caller. {@link #DEFAULT_TIMEOUT} by default, at most
 * {@link #MAX_TIMEOUT}, as in TypeScript.
 * @param language sent as {@code Accept-Language} ({@code en}, {@code de}) for the
 * language of error and user error messages; {@code null} for the router's default
 * @param maxResponseBytes the largest answer the client reads; a longer one is a
 * {@link ErrorCode#CLIENT_ERROR} ({@link ClientErrorReason#NO_GRAPHQL_RESPONSE}) instead
 * of filling the heap. {@link #DEFAULT_MAX_RESPONSE_BYTES} by default, as in TypeScript.
 */
public record ClientOptions(Duration timeout, @Nullable String language, int maxResponseBytes) {

	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * The longest timeout, 24.8 days (2^31 - 1 ms): the longest a JavaScript timer waits,
	 * so that both clients take the same timeouts.
	 */
	public static final Duration MAX_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

	/**
	 * 16 MiB: far above any answer of the trusted operations, far below what would
	 * exhaust a heap.
	 */
	public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

	public ClientOptions {
		Objects.requireNonNull(timeout, "timeout");
		if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
			throw new IllegalArgumentException("timeout must be positive and at most " + MAX_TIMEOUT.toMillis()
					+ " ms (24.8 days), not " + timeout);
		}
		if (maxResponseBytes <= 0 || maxResponseBytes == Integer.MAX_VALUE) {
			throw new IllegalArgumentException(
					"maxResponseBytes must be positive and below Integer.MAX_VALUE, not " + maxResponseBytes);
		}
	}

	/**
	 * Options with the default answer limit.
	 * @param timeout how long one request may take
	 * @param language the language of messages, {@code null} for the router's default
	 */
	public ClientOptions(Duration timeout, @Nullable String language) {
		this(timeout, language, DEFAULT_MAX_RESPONSE_BYTES);
	}

	/**
	 * The defaults: {@link #DEFAULT_TIMEOUT}, the router's language.
	 * @return the options
	 */
	public static ClientOptions defaults() {
		return new ClientOptions(DEFAULT_TIMEOUT, null);
	}

	public ClientOptions withTimeout(Duration timeout) {
		return new ClientOptions(timeout, this.language, this.maxResponseBytes);
	}

	public ClientOptions withLanguage(@Nullable String language) {
		return new ClientOptions(this.timeout, language, this.maxResponseBytes);
	}

	public ClientOptions withMaxResponseBytes(int maxResponseBytes) {
		return new ClientOptions(this.timeout, this.language, maxResponseBytes);
	}

}
