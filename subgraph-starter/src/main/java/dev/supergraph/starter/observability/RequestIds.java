package dev.supergraph.starter.observability;

import java.util.UUID;
import java.util.regex.Pattern;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;

/**
 * The correlation id of a request: the trace id of its W3C {@code traceparent} (so the id
 * in an error finds the request's trace), else a well-formed {@code X-Request-Id}, else
 * generated. Every error carries it and every log line of the request has it in the MDC
 * under {@code requestId}.
 */
public final class RequestIds {

	/** Request header carrying the correlation id in and out. */
	public static final String HEADER = "X-Request-Id";

	/** The W3C trace context header. */
	public static final String TRACEPARENT = "traceparent";

	/**
	 * Key of the id in the servlet request attributes, the GraphQL context and the MDC.
	 */
	public static final String KEY = "requestId";

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

	/** {@code version-traceid-parentid-flags}: 2, 32, 16 and 2 lowercase hex digits. */
	private static final int TRACEPARENT_LENGTH = 55;

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
		if (traceparent != null && isTraceparent(traceparent)) {
			return traceparent.substring(3, 35);
		}
		if (requestId != null && SAFE_ID.matcher(requestId).matches()) {
			return requestId;
		}
		return UUID.randomUUID().toString();
	}

	/**
	 * Whether a W3C {@code traceparent} says its trace is not sampled: well-formed, with
	 * the sampled bit of its flags off.
	 * @param traceparent the header, if any
	 * @return {@code false} for a sampled trace and for no or a malformed header
	 */
	public static boolean isUnsampled(@Nullable String traceparent) {
		return traceparent != null && isTraceparent(traceparent)
				&& (Character.digit(traceparent.charAt(TRACEPARENT_LENGTH - 1), 16) & 1) == 0;
	}

	// Checked by hand, not by a regular expression: every request the router sends has
	// one.
	private static boolean isTraceparent(String header) {
		if (header.length() != TRACEPARENT_LENGTH) {
			return false;
		}
		for (int i = 0; i < TRACEPARENT_LENGTH; i++) {
			char c = header.charAt(i);
			boolean dash = i == 2 || i == 35 || i == 52;
			if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		return true;
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
