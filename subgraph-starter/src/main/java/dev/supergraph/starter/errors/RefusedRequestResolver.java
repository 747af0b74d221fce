package dev.supergraph.starter.errors;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a {@link RefusedRequestException} from a handler with its refusal in the
 * GraphQL error shape. Spring MVC's own resolvers would have sent a bare status to the
 * error page, which knows only the status, not the reason.
 */
final class RefusedRequestResolver implements HandlerExceptionResolver, Ordered {

	private final ErrorResponseWriter errors;

	RefusedRequestResolver(ErrorResponseWriter errors) {
		this.errors = errors;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!(ex instanceof RefusedRequestException refused)) {
			return null;
		}
		try {
			this.errors.refuse(request, response, refused.refusal());
		}
		catch (IOException writeFailure) {
			// the client is gone; nothing is left to answer
		}
		return new ModelAndView();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
