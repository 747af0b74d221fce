package dev.supergraph.starter.observability;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

/**
 * A request whose {@code traceparent} and {@code X-Request-Id}, when sent on several
 * lines, read as one value: the lines joined by {@code ", "} (RFC 9110, 5.3), as the
 * router's Node server reads them ({@code contract/request-ids.json}). The servlet's
 * {@code getHeader} gave the first line, so a caller sending two ids or two
 * {@code traceparent}s had the first one kept here and none at the router; joined, they
 * are an unsafe id and an invalid {@code traceparent} on both sides, for the request id,
 * the unsampled decision and the trace the subgraph's spans join alike.
 */
final class CombinedHeaders extends HttpServletRequestWrapper {

	private static final List<String> NAMES = List.of(Traceparents.HEADER, RequestIds.HEADER);

	private CombinedHeaders(HttpServletRequest request) {
		super(request);
	}

	/**
	 * The request as read from here on.
	 * @param request the request as it arrived
	 * @return the request itself when no header of {@link #NAMES} is repeated, the usual
	 * case, else a view with those headers combined
	 */
	static HttpServletRequest of(HttpServletRequest request) {
		for (String name : NAMES) {
			Enumeration<String> lines = request.getHeaders(name);
			if (lines != null && lines.hasMoreElements() && lines.nextElement() != null && lines.hasMoreElements()) {
				return new CombinedHeaders(request);
			}
		}
		return request;
	}

	@Override
	public @Nullable String getHeader(String name) {
		return combines(name) ? combined(name) : super.getHeader(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		String value = combines(name) ? combined(name) : null;
		return (value != null) ? Collections.enumeration(List.of(value)) : super.getHeaders(name);
	}

	private static boolean combines(String name) {
		return NAMES.stream().anyMatch(name::equalsIgnoreCase);
	}

	private @Nullable String combined(String name) {
		List<String> lines = Collections.list(super.getHeaders(name));
		return lines.isEmpty() ? null : String.join(", ", lines);
	}

}
