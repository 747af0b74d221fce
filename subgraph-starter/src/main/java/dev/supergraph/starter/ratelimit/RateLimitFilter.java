package dev.supergraph.starter.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.ErrorResponseWriter;
import dev.supergraph.starter.errors.RequestLanguages;
import dev.supergraph.starter.security.Viewer;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a client's GraphQL request over its budget with HTTP 429, a {@code Retry-After}
 * header and {@code RATE_LIMITED} with {@code extensions.retryAfterSeconds}, like the
 * router. Runs after Spring Security, so the client is the verified token subject or API
 * key, never a claimed one. Each refusal is counted in
 * {@code subgraph.rate-limit.refusals}: the router's refusals are error codes in its
 * responses, but these are answered before GraphQL, so no operation metric sees them.
 */
final class RateLimitFilter extends OncePerRequestFilter {

	private final String graphQlPath;

	private final ClientRateLimiter limiter;

	private final ErrorResponseWriter errors;

	private final Counter refusals;

	RateLimitFilter(String graphQlPath, ClientRateLimiter limiter, ErrorResponseWriter errors, Counter refusals) {
		this.graphQlPath = graphQlPath;
		this.limiter = limiter;
		this.errors = errors;
		this.refusals = refusals;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.graphQlPath.equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Viewer viewer = Viewer.current();
		Optional<Duration> retryAfter = viewer.isAuthenticated() ? this.limiter.tryAcquire(viewer.subject())
				: Optional.empty();
		if (retryAfter.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		this.refusals.increment();
		long seconds = Math.max(1, (retryAfter.get().toMillis() + 999) / 1000);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		this.errors.write(request, response, ErrorCode.RATE_LIMITED.httpStatus().value(), ErrorCode.RATE_LIMITED,
				this.errors.messages().get(ErrorCode.RATE_LIMITED, RequestLanguages.of(request)),
				Map.of("retryAfterSeconds", seconds));
	}

}
