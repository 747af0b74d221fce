package dev.supergraph.starter.observability;

import org.jspecify.annotations.Nullable;

/**
 * The W3C {@code traceparent} a request continues, by the rule the router follows too
 * ({@code contract/traceparents.json}): version, trace id, parent id and flags as 2, 32,
 * 16 and 2 lowercase hex digits; version {@code ff} is invalid, version {@code 00} is
 * exactly that and a later one may carry more after a {@code -}; an all-zero trace or
 * parent id is invalid. A header that is not valid is ignored as a whole, as
 * OpenTelemetry's propagator ignores it, so the request id taken from it is the id of the
 * trace the subgraph's spans are in. Checked by hand, not by a regular expression: every
 * request the router sends has one.
 */
public final class Traceparents {

	/** The W3C trace context header. */
	public static final String HEADER = "traceparent";

	/** {@code version-traceid-parentid-flags} of version 00. */
	private static final int LENGTH = 55;

	private static final int TRACE_ID_START = 3;

	private static final int PARENT_ID_START = 36;

	private static final int FLAGS_START = 53;

	private Traceparents() {
	}

	/**
	 * The trace id of a valid {@code traceparent}.
	 * @param header the header, if any
	 * @return the trace id, or {@code null} for no or an invalid header
	 */
	public static @Nullable String traceId(@Nullable String header) {
		return isValid(header) ? header.substring(TRACE_ID_START, PARENT_ID_START - 1) : null;
	}

	/**
	 * Whether a {@code traceparent} says its trace is not sampled: valid, with the
	 * sampled bit of its flags off.
	 * @param header the header, if any
	 * @return {@code false} for a sampled trace and for no or an invalid header
	 */
	public static boolean isUnsampled(@Nullable String header) {
		return isValid(header) && (Character.digit(header.charAt(FLAGS_START + 1), 16) & 1) == 0;
	}

	private static boolean isValid(@Nullable String header) {
		if (header == null || header.length() < LENGTH) {
			return false;
		}
		for (int i = 0; i < LENGTH; i++) {
			char c = header.charAt(i);
			boolean dash = i == TRACE_ID_START - 1 || i == PARENT_ID_START - 1 || i == FLAGS_START - 1;
			if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		boolean version00 = header.startsWith("00");
		boolean restAllowed = version00 ? header.length() == LENGTH
				: (header.length() == LENGTH || header.charAt(LENGTH) == '-');
		return restAllowed && !header.startsWith("ff") && !allZeros(header, TRACE_ID_START, PARENT_ID_START - 1)
				&& !allZeros(header, PARENT_ID_START, FLAGS_START - 1);
	}

	private static boolean allZeros(String header, int start, int end) {
		for (int i = start; i < end; i++) {
			if (header.charAt(i) != '0') {
				return false;
			}
		}
		return true;
	}

}
