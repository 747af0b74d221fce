package dev.supergraph.starter.security;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.supergraph.starter.observability.ClientNames;
import dev.supergraph.starter.observability.OperationNames;
import dev.supergraph.starter.observability.RequestIds;
import graphql.execution.ResultPath;
import graphql.GraphQLContext;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * The access denials of one request, counted per field path and rule, so that
 * {@code users(first: 100) { email }} writes one audit line with {@code count=99} instead
 * of 99 lines. Fields may be fetched concurrently, hence the synchronization; denials are
 * rare, so it costs nothing on allowed fields.
 */
final class AuditTrail {

	private final Map<Denial, Integer> counts = new LinkedHashMap<>();

	private @Nullable Caller caller;

	/**
	 * The trail of the request a context belongs to, written by
	 * {@link AuditTrailInstrumentation} when its execution completes.
	 * @param context the request's GraphQL context
	 * @return the request's trail
	 */
	static AuditTrail of(GraphQLContext context) {
		return context.computeIfAbsent(AuditTrail.class, (key) -> new AuditTrail());
	}

	synchronized void denied(DataFetchingEnvironment environment, Viewer viewer, String rule) {
		Denial denial = new Denial(pattern(environment.getExecutionStepInfo().getPath()), rule);
		if (this.caller == null) {
			this.caller = Caller.of(environment, viewer);
		}
		this.counts.merge(denial, 1, Integer::sum);
	}

	synchronized void flush(AuditLog log) {
		Caller current = this.caller;
		if (current != null) {
			this.counts.forEach((denial, count) -> log.denied(current, denial.path(), denial.rule(), count));
		}
		this.counts.clear();
	}

	/** {@code /users/edges[*]/node/email}: the path with every list index as [*]. */
	static String pattern(ResultPath path) {
		StringBuilder pattern = new StringBuilder();
		for (Object segment : path.toList()) {
			pattern.append((segment instanceof Integer) ? "[*]" : "/" + segment);
		}
		return pattern.isEmpty() ? "/" : pattern.toString();
	}

	private record Denial(String path, String rule) {
	}

	/**
	 * Who made the request; the same for every denial of it.
	 *
	 * @param subject the user id, {@code apikey:<id>} for a machine client, or
	 * {@code anonymous}
	 * @param client the API key's client, else the client name header, or {@code -}
	 * @param operation the client operation the router names, else the operation's name,
	 * or {@code -}
	 * @param requestId the request id
	 */
	record Caller(String subject, String client, String operation, String requestId) {

		static Caller of(DataFetchingEnvironment environment, Viewer viewer) {
			// the router's fetches are anonymous: the client operation they serve names
			// them
			String operationName = OperationNames.routedOperation(environment.getGraphQlContext());
			OperationDefinition operation = environment.getOperationDefinition();
			if (operationName == null) {
				operationName = (operation != null && operation.getName() != null) ? operation.getName() : "-";
			}
			String label = environment.getGraphQlContext().getOrDefault(ClientNames.KEY, ClientNames.UNKNOWN);
			// the audit log's "no client" is "-"
			String client = ClientNames.UNKNOWN.equals(label) ? "-" : label;
			String subject = viewer.subject();
			return new Caller(subject, client, operationName, RequestIds.of(environment.getGraphQlContext()));
		}

	}

}
