package dev.supergraph.starter.security;

import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

/**
 * Writes the access denials of a request ({@link AuditTrail}) to the audit log once its
 * execution completes, one line per field path and rule.
 */
class AuditTrailInstrumentation extends SimplePerformantInstrumentation {

	private final AuditLog audit;

	AuditTrailInstrumentation(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult executionResult,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		AuditTrail trail = parameters.getGraphQLContext().get(AuditTrail.class);
		if (trail != null) {
			trail.flush(this.audit);
		}
		return CompletableFuture.completedFuture(executionResult);
	}

}
