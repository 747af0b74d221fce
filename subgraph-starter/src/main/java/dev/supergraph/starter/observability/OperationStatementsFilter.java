package dev.supergraph.starter.observability;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens the statement count of a request ({@link OperationStatements}) before Spring for
 * GraphQL captures the context that it carries to resolvers on other threads.
 */
class OperationStatementsFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		OperationStatements.begin();
		try {
			chain.doFilter(request, response);
		}
		finally {
			OperationStatements.end();
		}
	}

}
