package dev.supergraph.starter.observability;

import java.util.UUID;
import java.util.regex.Pattern;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;

/**
 * The correlation id of a request: the trace id of its valid W3C {@code traceparent}
 * ({@link Traceparents}; so the id in an error finds the request's trace), else a
 * well-formed {@code X-Request-Id}, else generated. Every error carries it and every log
 * line of the request has it in the MDC under {@code requestId}.
 */
public final class RequestIds {

	/** Request header carrying the correlation id in and out. */
	public static final String HEADER = "X-Request-Id";

	/**
	 * Key of the id in the servlet request attributes, the GraphQL context and the MDC.
	 */
	public static final String KEY = "requestId";

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

	private RequestIds() {
	}

	/**
	 * Choose the id of a request: a caller's id only if it cannot inject anything into
	 * logs.
	 * @param requestId the {@code X-Request-Id} header, if any
	 * @param traceparent the W3C {@code traceparent} header, if any
	 * @return the id to use
	 */
	public static String choose(@Nullable String requestId, @Nullable String traceparent) {
		String traceId = Traceparents.traceId(traceparent);
		if (traceId != null) {
			return traceId;
		}
		if (requestId != null && SAFE_ID.matcher(requestId).matches()) {
			return requestId;
		}
		return UUID.randomUUID().toString();
	}

	/**
	 * The id of the request a GraphQL execution belongs to.
	 * @param context the GraphQL context of the execution
	 * @return the id, or a fresh one when the execution did not come over HTTP
	 */
	public static String of(GraphQLContext context) {
		String id = context.get(KEY);
		return (id != null) ? id : UUID.randomUUID().toString();
	}

}
