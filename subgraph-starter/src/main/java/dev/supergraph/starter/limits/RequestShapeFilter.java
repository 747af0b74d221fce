package dev.supergraph.starter.limits;

import java.io.IOException;
import java.util.Locale;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.ErrorResponseWriter;
import dev.supergraph.starter.errors.RequestLanguages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts only {@code POST} with a JSON content type on the GraphQL endpoint. Besides
 * answering 405/415 in the documented error shape, this is the CSRF defence: a browser
 * cannot send a cross-site {@code application/json} POST without a CORS preflight, and
 * "simple" content types (form, text/plain) or GET are never executed.
 */
class RequestShapeFilter extends OncePerRequestFilter {

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
		if (!"POST".equals(request.getMethod())) {
			response.setHeader("Allow", "POST");
			refuse(request, response, HttpStatus.METHOD_NOT_ALLOWED);
			return;
		}
		if (!isJson(request.getContentType())) {
			refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isJson(String contentType) {
		if (contentType == null) {
			return false;
		}
		String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
		return type.equals("application/json") || type.equals("application/graphql-response+json");
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status)
			throws IOException {
		String message = this.errors.messages()
			.get(ErrorCode.BAD_USER_INPUT, "input.requestShape", new Object[0], RequestLanguages.of(request));
		this.errors.write(request, response, status.value(), ErrorCode.BAD_USER_INPUT, message);
	}

}
