package dev.supergraph.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The typed result of an operation: its root field's value, and the errors that came with
 * it (GraphQL answers what it could, so both may be present). {@code userErrors} of a
 * mutation are part of the value: they are in the payload, typed like any other field.
 * <p>
 * {@link #ok()} means no errors, as {@code result.ok} does in TypeScript; the value of a
 * nullable root field may still be {@code null}: the router answered that there is
 * nothing there (no user with that id, no product with that SKU).
 *
 * @param <R> the type of the root field's result
 * @param value the root field's value: {@code null} when it could not be answered (then
 * there are errors) or when the answer is null (nothing found)
 * @param errors the response's errors
 * @param status the HTTP status of the router's answer; {@code null} when no answer came
 * back ({@code TIMEOUT}, {@code UNREACHABLE}, {@code CREDENTIALS_UNAVAILABLE},
 * {@code ABORTED})
 * @param retryAfterSeconds how long to wait before trying again, when the answer asks for
 * a delay: the longest of its errors' {@code retryAfterSeconds} and, on a 4xx or 5xx
 * status, its {@code Retry-After} header (seconds or an HTTP-date, a past date 0), so a
 * proxy's plain 429 or 503 is backed off from as told too, at most
 * {@link #MAX_RETRY_AFTER_SECONDS}; {@code null} otherwise
 */
public record Result<R>(@Nullable R value, List<ClientError> errors, @Nullable Integer status,
		@Nullable Integer retryAfterSeconds) {

	/**
	 * The longest {@code retryAfterSeconds} a result reports, 24.8 days, as in TypeScript
	 * (its {@code MAX_RETRY_AFTER_SECONDS}): a longer delay asked for is this one.
	 */
	public static final int MAX_RETRY_AFTER_SECONDS = RetryAfter.MAX_SECONDS;

	/**
	 * A result without an answer's status: the constructor before {@code status} and
	 * {@code retryAfterSeconds} were added, kept so code that builds results (a test's
	 * stand-in) still compiles.
	 * @param value the root field's value
	 * @param errors the errors
	 */
	public Result(@Nullable R value, List<ClientError> errors) {
		this(value, errors, null, null);
	}

	/**
	 * Whether the operation ran without errors.
	 * @return true when there are no errors, whatever the value
	 */
	public boolean ok() {
		return this.errors.isEmpty();
	}

	/**
	 * The value of a successful result that found something.
	 * @return the value
	 * @throws IllegalStateException with the errors, when there were any, or saying the
	 * operation answered null, when it found nothing
	 */
	public R orThrow() {
		if (!ok()) {
			throw new IllegalStateException("The operation failed: " + this.errors);
		}
		if (this.value == null) {
			throw new IllegalStateException("The operation answered null: nothing found, no errors");
		}
		return this.value;
	}

}
