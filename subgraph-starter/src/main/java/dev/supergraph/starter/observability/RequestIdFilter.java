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
 * requests refused by security or size limits can be traced in the log.
 */
class RequestIdFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = RequestIds.choose(request.getHeader(RequestIds.HEADER), request.getHeader("traceparent"));
		request.setAttribute(RequestIds.KEY, id);
		response.setHeader(RequestIds.HEADER, id);
		MDC.put(RequestIds.KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(RequestIds.KEY);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
