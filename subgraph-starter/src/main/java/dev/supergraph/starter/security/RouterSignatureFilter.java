package dev.supergraph.starter.security;

import java.io.IOException;

import dev.supergraph.starter.errors.ErrorCode;
import dev.supergraph.starter.errors.ErrorResponseWriter;
import dev.supergraph.starter.errors.RequestLanguages;
import dev.supergraph.starter.limits.BufferedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets only requests signed by the router reach GraphQL, so nobody on the network can
 * skip the router's checks by calling a subgraph directly, {@code _entities} and
 * {@code _service} included, and only once: the freshness stamp ({@link RouterSignature})
 * must match the exact body, be recent and be new ({@link ReplayGuard}), so a request
 * cannot be altered or replayed. Runs after the body size limit, before any GraphQL work,
 * on the raw bytes: nothing is parsed for it. It does not cover the bearer token, which
 * the subgraph still validates.
 */
class RouterSignatureFilter extends OncePerRequestFilter {

	private static final Logger audit = LoggerFactory.getLogger("audit");

	private final String graphQlPath;

	private final RouterSignature signature;

	private final ReplayGuard replays;

	private final ErrorResponseWriter errors;

	RouterSignatureFilter(String graphQlPath, RouterSignature signature, ReplayGuard replays,
			ErrorResponseWriter errors) {
		this.graphQlPath = graphQlPath;
		this.signature = signature;
		this.replays = replays;
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
		String header = request.getHeader(RouterSignature.FRESHNESS_HEADER);
		RouterSignature.Stamp stamp = this.signature.verifiedStamp(header, body);
		if (stamp == null || !this.replays.firstUse(stamp)) {
			// the reason tells an operator which fix applies: no signing at the caller,
			// another secret
			// (or a body changed on the way), or a stamp used before
			String reason = (header == null) ? "no-stamp" : (stamp == null) ? "bad-stamp" : "replayed-or-stale";
			audit.warn("refused unsigned or replayed request remote={} reason={} requestId={}", request.getRemoteAddr(),
					reason, request.getAttribute("requestId"));
			refuse(request, response);
			return;
		}
		chain.doFilter(new BufferedBodyRequest(request, body), response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.errors.write(request, response, ErrorCode.FORBIDDEN, this.errors.messages()
			.get(ErrorCode.FORBIDDEN, "security.routerOnly", new Object[0], RequestLanguages.of(request)));
	}

}
