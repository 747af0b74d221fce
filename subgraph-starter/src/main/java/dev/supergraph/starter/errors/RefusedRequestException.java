package dev.supergraph.starter.errors;

/**
 * Thrown where a request is found malformed past the filters (its body is read by the
 * GraphQL handler); {@link RefusedRequestResolver} answers it. A client's mistake, so no
 * stack trace is taken.
 */
public final class RefusedRequestException extends RuntimeException {

	private final RequestRefusal refusal;

	public RefusedRequestException(RequestRefusal refusal) {
		super(refusal.reason(), null, false, false);
		this.refusal = refusal;
	}

	public RequestRefusal refusal() {
		return this.refusal;
	}

}
