package dev.supergraph.starter.limits;

import java.util.Map;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.ErrorExtensions;
import graphql.execution.AbortExecutionException;

/**
 * Aborts an operation over a limit of its shape with {@code QUERY_TOO_COMPLEX}.
 */
class QueryTooComplexException extends AbortExecutionException {

	QueryTooComplexException(String message) {
		super(message);
	}

	@Override
	public Map<String, Object> getExtensions() {
		return Map.of(ErrorExtensions.CODE, ErrorCode.QUERY_TOO_COMPLEX.name());
	}

}
