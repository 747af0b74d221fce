package dev.supergraph.starter.errors;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Answers two requests that nothing serves as the router answers them, which Tomcat and
 * Spring MVC answered otherwise. A path with a trailing slash names nothing (404): the
 * actuator served {@code /actuator/health/} as {@code /actuator/health}, while
 * {@code /actuator/prometheus/} and {@code /graphql/} were 404. {@code TRACE} is answered
 * as any method its path does not take, 405 with the path's {@code Allow} from Spring
 * MVC's mappings or 404: Tomcat refused it with the methods of the whole servlet
 * ({@code Allow: HEAD, DELETE, POST, GET, OPTIONS, PUT} on every path). A {@code TRACE}
 * never reaches the servlet, whose {@code doTrace} would echo the request.
 * {@code OPTIONS} likewise, a CORS preflight too (a subgraph answers no browser): the
 * servlet answered it 200 with its own {@code Allow} on every path, served or not, as the
 * router's CORS answered it 204.
 */
final class UnservedRequestFilter extends OncePerRequestFilter {

	private static final String TRACE = "TRACE";

	private static final String OPTIONS = "OPTIONS";

	private final ObjectProvider<HandlerMappingIntrospector> mappings;

	private final ErrorResponseWriter errors;

	UnservedRequestFilter(ObjectProvider<HandlerMappingIntrospector> mappings, ErrorResponseWriter errors) {
		this.mappings = mappings;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		if (path.length() > 1 && path.endsWith("/")) {
			this.errors.write(request, response, ErrorCode.NOT_FOUND);
			return;
		}
		if (!TRACE.equals(request.getMethod()) && !OPTIONS.equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		String allowed = allowedMethods(request);
		if (allowed == null) {
			this.errors.write(request, response, ErrorCode.NOT_FOUND);
			return;
		}
		response.setHeader(HttpHeaders.ALLOW, allowed);
		this.errors.refuse(request, response, RequestRefusal.methodNotAllowed(allowed));
	}

	// The Allow Spring MVC gives a method the path does not take, or null where nothing
	// is served: asked as TRACE, which no path takes (Spring MVC answers OPTIONS itself
	// wherever a path is mapped)
	private @Nullable String allowedMethods(HttpServletRequest served) {
		HttpServletRequest request = new HttpServletRequestWrapper(served) {

			@Override
			public String getMethod() {
				return TRACE;
			}

		};
		HandlerMappingIntrospector mappings = this.mappings.getIfAvailable();
		if (mappings == null) {
			return null;
		}
		HandlerMappingIntrospector.CachedResult previous = mappings.setCache(request);
		try {
			mappings.getMatchableHandlerMapping(request);
			return null;
		}
		catch (HttpRequestMethodNotSupportedException ex) {
			return ex.getHeaders().getFirst(HttpHeaders.ALLOW);
		}
		catch (Exception ex) {
			return null;
		}
		finally {
			mappings.resetCache(request, previous);
		}
	}

}
