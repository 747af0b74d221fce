package dev.supergraph.starter.observability;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every HTTP request its correlation id before anything else runs, so that even
 * requests refused by security or size limits can be traced in the log; and notes a
 * caller's decision not to sample the request's trace ({@link UnsampledRequests}) before
 * the HTTP server observation starts. A repeated {@code traceparent} or
 * {@code X-Request-Id} is read as its lines combined ({@link CombinedHeaders}), here and
 * by every filter after it.
 */
class RequestIdFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest arrived, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest request = CombinedHeaders.of(arrived);
		String traceparent = request.getHeader(Traceparents.HEADER);
		String id = RequestIds.choose(request.getHeader(RequestIds.HEADER), traceparent);
		request.setAttribute(RequestIds.KEY, id);
		response.setHeader(RequestIds.HEADER, id);
		MDC.put(RequestIds.KEY, id);
		boolean unsampled = Traceparents.isUnsampled(traceparent);
		if (unsampled) {
			UnsampledRequests.begin(traceparent);
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(RequestIds.KEY);
			if (unsampled) {
				UnsampledRequests.end();
			}
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
