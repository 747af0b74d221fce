package dev.supergraph.starter.errors;

import graphql.execution.AbortExecutionException;

/**
 * Thrown where graphql-java finds a request malformed before it runs anything (which
 * operation to run): graphql-java ends the request with it, and
 * {@link ErrorShapingInterceptor} answers it as the refusal it carries, as
 * {@link RefusedRequestException} is answered, with its HTTP status and without
 * {@code data}.
 */
public final class RefusedOperationException extends AbortExecutionException {

	private final RequestRefusal refusal;

	public RefusedOperationException(RequestRefusal refusal) {
		super(refusal.reason());
		this.refusal = refusal;
	}

	public RequestRefusal refusal() {
		return this.refusal;
	}

}
