package dev.supergraph.starter.limits;

import java.nio.charset.StandardCharsets;

import dev.supergraph.starter.errors.ErrorMessages;
import dev.supergraph.starter.errors.ErrorResponseWriter;
import jakarta.servlet.ServletRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The body size limit for every size it can keep: a chunked body is read up to the limit,
 * and a limit a body cannot be held to in memory is refused when the filter is made (the
 * settings refuse it at start, {@code LimitsProperties}).
 */
class BodySizeLimitFilterTests {

	private static final ErrorResponseWriter errors = new ErrorResponseWriter(new ErrorMessages(),
			JsonMapper.builder().build());

	private static final String BODY = "{\"query\":\"{ greeting }\"}";

	@Test
	void aChunkedBodyUnderTheLargestLimitIsPassedOnWhole() throws Exception {
		assertThat(passedOn(new BodySizeLimitFilter(BodySizeLimitFilter.MAX_LIMIT, errors))).isEqualTo(BODY);
	}

	@Test
	void aChunkedBodyOverASmallLimitIsRefused() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		new BodySizeLimitFilter(BODY.length() - 1, errors).doFilter(chunked(), response, chain);
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentAsString()).contains("BODY_TOO_LARGE");
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void aLimitOf2GbOrMoreIsRefused() {
		// (int) maxBytes + 1 was negative at 2 GB, a 500 for every chunked body, and 1 at
		// 4 GB, a chunked body cut to its first byte and served
		for (long limit : new long[] { 2L << 30, 4L << 30, Long.MAX_VALUE }) {
			assertThatIllegalArgumentException().isThrownBy(() -> new BodySizeLimitFilter(limit, errors))
				.withMessageContaining(String.valueOf(limit));
		}
	}

	private static String passedOn(BodySizeLimitFilter filter) throws Exception {
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(chunked(), response, chain);
		assertThat(response.getStatus()).isEqualTo(200);
		ServletRequest passed = chain.getRequest();
		assertThat(passed).isNotNull();
		return new String(passed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
	}

	// a POST without Content-Length, as a body sent in chunks arrives
	private static MockHttpServletRequest chunked() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql") {

			@Override
			public int getContentLength() {
				return -1;
			}

			@Override
			public long getContentLengthLong() {
				return -1;
			}

		};
		request.setContent(BODY.getBytes(StandardCharsets.UTF_8));
		request.addHeader("Transfer-Encoding", "chunked");
		return request;
	}

}
