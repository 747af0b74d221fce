package dev.supergraph.starter.limits;

import java.io.IOException;
import java.util.Enumeration;
import java.util.StringJoiner;

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
 * router's signature is checked and before the body is read. The answer's media type is
 * chosen here, by the caller's {@code Accept} weights ({@link AcceptHeader}), and handed
 * on as the request's only {@code Accept} ({@link AnsweredRequest}). Besides, this is the
 * CSRF defence: a browser cannot send a cross-site {@code application/json} POST without
 * a CORS preflight, and "simple" content types (form, text/plain) or GET are never
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
		if (refusal != null) {
			if (refusal.status() == 405) {
				response.setHeader(HttpHeaders.ALLOW, ALLOWED_METHODS);
			}
			this.errors.refuse(request, response, refusal);
			return;
		}
		String accept = accept(request);
		String answer = AcceptHeader.answer(accept);
		if (answer == null) {
			this.errors.refuse(request, response, RequestRefusal.notAcceptable());
			return;
		}
		chain.doFilter((accept == null || accept.equals(answer)) ? request : new AnsweredRequest(request, answer),
				response);
	}

	// Every Accept line, as one list (RFC 9110): the first alone was read.
	private static @Nullable String accept(HttpServletRequest request) {
		Enumeration<String> lines = request.getHeaders(HttpHeaders.ACCEPT);
		if (lines == null || !lines.hasMoreElements()) {
			return null;
		}
		String first = lines.nextElement();
		if (!lines.hasMoreElements()) {
			return first;
		}
		StringJoiner all = new StringJoiner(", ").add(first);
		lines.asIterator().forEachRemaining(all::add);
		return all.toString();
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
		return null;
	}

}
