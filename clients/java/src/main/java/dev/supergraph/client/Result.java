package dev.supergraph.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The typed result of an operation: its root field's value, and the errors that came with
 * it (GraphQL answers what it could, so both may be present). {@code userErrors} of a
 * mutation are part of the value: they are in the payload, typed like any other field.
 *
 * @param <R> the type of the root field's result
 * @param value the root field's value, {@code null} when it could not be answered
 * @param errors the response's errors
 */
public record Result<R>(@Nullable R value, List<ClientError> errors) {

	public boolean ok() {
		return this.errors.isEmpty();
	}

	/**
	 * The value of a successful result.
	 * @return the value
	 * @throws IllegalStateException with the errors, when there were any
	 */
	public R orThrow() {
		if (!ok() || this.value == null) {
			throw new IllegalStateException("The operation failed: " + this.errors);
		}
		return this.value;
	}

}
