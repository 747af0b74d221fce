package dev.supergraph.starter.security;

import java.io.IOException;
import java.util.Map;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.ErrorResponseWriter;
import dev.supergraph.starter.limits.BufferedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets only requests signed by the router reach GraphQL, so nobody on the network can
 * skip the router's checks by calling a subgraph directly, {@code _entities} and
 * {@code _service} included, and only once: the freshness stamp must be recent and new
 * ({@link ReplayGuard}), so a captured request cannot be replayed. Runs after the body
 * size limit, before any GraphQL work. Neither covers the bearer token, which the
 * subgraph still validates.
 */
class RouterSignatureFilter extends OncePerRequestFilter {

	private static final Logger audit = LoggerFactory.getLogger("audit");

	private final String graphQlPath;

	private final RouterSignature signature;

	private final JsonMapper json;

	private final ReplayGuard replays;

	private final ErrorResponseWriter errors;

	RouterSignatureFilter(String graphQlPath, RouterSignature signature, ReplayGuard replays, JsonMapper json,
			ErrorResponseWriter errors) {
		this.graphQlPath = graphQlPath;
		this.signature = signature;
		this.replays = replays;
		this.json = json;
		this.errors = errors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.graphQlPath.equals(request.getRequestURI()) || !"POST".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body = (request instanceof BufferedBodyRequest buffered) ? buffered.body()
				: request.getInputStream().readAllBytes();
		Map<?, ?> payload;
		try {
			payload = this.json.readValue(body, Map.class);
		}
		catch (JacksonException ex) {
			this.errors.write(request, response, ErrorCode.BAD_USER_INPUT, this.errors.messages()
				.get(ErrorCode.BAD_USER_INPUT, "input.malformedRequest", new Object[0], request.getLocale()));
			return;
		}
		Object extensions = payload.get("extensions");
		Object claimed = (extensions instanceof Map<?, ?> map) ? map.get(RouterSignature.EXTENSION) : null;
		if (!this.signature.verify(payload.get("query"), payload.get("variables"), claimed)) {
			audit.warn("refused unsigned request remote={} signed={} requestId={}", request.getRemoteAddr(),
					claimed != null, request.getAttribute("requestId"));
			refuse(request, response);
			return;
		}
		RouterSignature.Stamp stamp = this.signature.verifiedStamp(request.getHeader(RouterSignature.FRESHNESS_HEADER),
				body);
		if (stamp == null || !this.replays.firstUse(stamp)) {
			audit.warn("refused stale or replayed router request remote={} stamped={} requestId={}",
					request.getRemoteAddr(), stamp != null, request.getAttribute("requestId"));
			refuse(request, response);
			return;
		}
		chain.doFilter(new BufferedBodyRequest(request, body), response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.errors.write(request, response, ErrorCode.FORBIDDEN, this.errors.messages()
			.get(ErrorCode.FORBIDDEN, "security.routerOnly", new Object[0], request.getLocale()));
	}

}
