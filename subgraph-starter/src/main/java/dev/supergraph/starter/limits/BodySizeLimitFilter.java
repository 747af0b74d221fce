package dev.supergraph.starter.limits;

import java.io.IOException;

import dev.supergraph.starter.errors.ErrorResponseWriter;
import dev.supergraph.starter.errors.RequestRefusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with HTTP 413 before anything parses them. Bodies
 * of unknown length (chunked) are read up to the limit and replayed.
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

	/**
	 * The largest limit: a body is held in memory as one array (here when it comes in
	 * chunks, by the router's signature check always), which Java caps just under 2 GB,
	 * and a chunked body is read one byte past the limit. A larger limit could not be
	 * kept; {@code (int) maxBytes + 1} was negative from 2 GB (a 500 for every chunked
	 * body) and 1 at 4 GB (a chunked body cut to its first byte and served).
	 */
	static final long MAX_LIMIT = 2047L * 1024 * 1024;

	private final long maxBytes;

	private final ErrorResponseWriter errors;

	BodySizeLimitFilter(long maxBytes, ErrorResponseWriter errors) {
		Assert.isTrue(maxBytes > 0 && maxBytes <= MAX_LIMIT,
				() -> "The body size limit must be from 1 byte to " + MAX_LIMIT + " bytes, not " + maxBytes);
		this.maxBytes = maxBytes;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length > this.maxBytes) {
			refuse(request, response);
			return;
		}
		if (length >= 0 || !"POST".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) (this.maxBytes + 1));
		if (body.length > this.maxBytes) {
			refuse(request, response);
			return;
		}
		chain.doFilter(new BufferedBodyRequest(request, body), response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.errors.refuse(request, response, RequestRefusal.bodyTooLarge(this.maxBytes));
	}

}
