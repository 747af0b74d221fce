package dev.supergraph.starter.security;

import dev.supergraph.starter.observability.RequestIds;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every access denial to the {@code audit} logger as one structured line: subject,
 * client, operation, field path, rule and request id. Never token contents.
 */
class AuditLog {

	/** GraphQL context key of the calling client's name. */
	static final String CLIENT = "auditClient";

	private static final Logger audit = LoggerFactory.getLogger("audit");

	void denied(DataFetchingEnvironment environment, Viewer viewer, String rule) {
		OperationDefinition operation = environment.getOperationDefinition();
		String operationName = (operation != null && operation.getName() != null) ? operation.getName() : "-";
		String client = environment.getGraphQlContext().getOrDefault(CLIENT, "-");
		audit.warn("access denied subject={} client={} operation={} path={} rule={} requestId={}", viewer.subject(),
				client, operationName, environment.getExecutionStepInfo().getPath(), rule,
				RequestIds.of(environment.getGraphQlContext()));
	}

}
