package dev.supergraph.client;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How a {@link SupergraphClient} talks to the router, beyond where and as whom.
 *
 * @param timeout how long one request may take, from connecting to the last byte of the
 * answer; past it the result is a {@link ErrorCode#CLIENT_ERROR}, so a router that never
 * answers cannot hang the caller. {@link #DEFAULT_TIMEOUT} by default, as in TypeScript.
 * @param language sent as {@code Accept-Language} ({@code en}, {@code de}) for the
 * language of error and user error messages; {@code null} for the router's default
 */
public record ClientOptions(Duration timeout, @Nullable String language) {

	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	public ClientOptions {
		Objects.requireNonNull(timeout, "timeout");
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive, not " + timeout);
		}
	}

	/**
	 * The defaults: {@link #DEFAULT_TIMEOUT}, the router's language.
	 * @return the options
	 */
	public static ClientOptions defaults() {
		return new ClientOptions(DEFAULT_TIMEOUT, null);
	}

	public ClientOptions withTimeout(Duration timeout) {
		return new ClientOptions(timeout, this.language);
	}

	public ClientOptions withLanguage(@Nullable String language) {
		return new ClientOptions(this.timeout, language);
	}

}
