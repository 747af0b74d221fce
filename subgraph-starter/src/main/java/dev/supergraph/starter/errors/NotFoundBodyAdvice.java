package dev.supergraph.starter.errors;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * A handler's 404 without a body (the actuator's for a health group or check it does not
 * have, {@code /actuator/health/nothing}) gets {@code NOT_FOUND} in the GraphQL error
 * shape, as every other path that serves nothing: it was a bare 404.
 */
@ControllerAdvice
class NotFoundBodyAdvice implements ResponseBodyAdvice<Object> {

	private final ErrorResponseWriter errors;

	NotFoundBodyAdvice(ErrorResponseWriter errors) {
		this.errors = errors;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		if (body != null || !(response instanceof ServletServerHttpResponse servletResponse)
				|| servletResponse.getServletResponse().getStatus() != 404
				|| !(request instanceof ServletServerHttpRequest servletRequest)) {
			return body;
		}
		HttpServletRequest notFound = servletRequest.getServletRequest();
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		return this.errors.body(notFound, ErrorCode.NOT_FOUND,
				this.errors.messages().get(ErrorCode.NOT_FOUND, RequestLanguages.of(notFound)), Map.of());
	}

}
