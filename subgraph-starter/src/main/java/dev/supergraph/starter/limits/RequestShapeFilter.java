package dev.supergraph.starter.limits;

import java.io.IOException;

import dev.supergraph.starter.errors.ErrorResponseWriter;
import dev.supergraph.starter.errors.RequestRefusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts only {@code POST} of an uncompressed JSON body in UTF-8 on the GraphQL
 * endpoint, from a caller that accepts JSON, and answers anything else with its status
 * (405 with {@code Allow}, 415, 406) and reason, from the headers alone: before the
 * router's signature is checked and before the body is read. Besides, this is the CSRF
 * defence: a browser cannot send a cross-site {@code application/json} POST without a
 * CORS preflight, and "simple" content types (form, text/plain) or GET are never
 * executed. What is wrong inside the body is found as it is parsed, once
 * ({@code GraphQlRequestReader}).
 */
class RequestShapeFilter extends OncePerRequestFilter {

	private static final String ALLOWED_METHODS = "POST";

	private final String graphQlPath;

	private final ErrorResponseWriter errors;

	RequestShapeFilter(String graphQlPath, ErrorResponseWriter errors) {
		this.graphQlPath = graphQlPath;
		this.errors = errors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.graphQlPath.equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestRefusal refusal = refusal(request);
		if (refusal == null) {
			chain.doFilter(request, response);
			return;
		}
		if (refusal.status() == 405) {
			response.setHeader(HttpHeaders.ALLOW, ALLOWED_METHODS);
		}
		this.errors.refuse(request, response, refusal);
	}

	private static @Nullable RequestRefusal refusal(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return RequestRefusal.methodNotAllowed(ALLOWED_METHODS);
		}
		if (!GraphQlHeaders.isIdentity(request.getHeader(HttpHeaders.CONTENT_ENCODING))) {
			return RequestRefusal.unsupportedContentEncoding();
		}
		if (!GraphQlHeaders.isUtf8Json(request.getContentType())) {
			return RequestRefusal.unsupportedMediaType();
		}
		if (!GraphQlHeaders.acceptsAnswer(request.getHeader(HttpHeaders.ACCEPT))) {
			return RequestRefusal.notAcceptable();
		}
		return null;
	}

}
