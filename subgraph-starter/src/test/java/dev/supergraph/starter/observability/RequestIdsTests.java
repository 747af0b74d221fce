package dev.supergraph.starter.observability;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The id of a request: the trace id of a well-formed {@code traceparent}, else a safe
 * {@code X-Request-Id}, else a new one.
 */
class RequestIdsTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

	@Test
	void aRequestWithATraceparentIsKnownByItsTraceId() {
		assertThat(RequestIds.choose("caller-id-1234", TRACEPARENT)).isEqualTo(TRACE_ID);
		assertThat(RequestIds.choose(null, "ff-" + TRACE_ID + "-00f067aa0ba902b7-00")).isEqualTo(TRACE_ID);
	}

	@Test
	void aTraceparentThatIsNotOneIsPassedOver() {
		String[] notTraceparents = { TRACEPARENT.toUpperCase(), TRACEPARENT + "0", TRACEPARENT.substring(1),
				TRACEPARENT.replace('-', '_'), "00-" + TRACE_ID + "-00f067aa0ba902b7-0g",
				"00-" + TRACE_ID.substring(1) + "x-00f067aa0ba902b7-01", "00-" + TRACE_ID + "000f067aa0ba902b7-01",
				"" };
		for (String header : notTraceparents) {
			assertThat(RequestIds.choose("caller-id-1234", header)).as(header).isEqualTo("caller-id-1234");
		}
	}

	@Test
	void aCallersIdIsKeptOnlyWhenItCannotInjectAnything() {
		assertThat(RequestIds.choose("req:2026-12-04.1", null)).isEqualTo("req:2026-12-04.1");
		for (String unsafe : new String[] { "short", "line\nbreak-12345", "quote\"12345678", "x".repeat(129) }) {
			assertThat(RequestIds.choose(unsafe, null)).as(unsafe)
				.isNotEqualTo(unsafe)
				.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		}
	}

	@Test
	void aTraceIsUnsampledOnlyByAWellFormedTraceparentWithItsSampledFlagOff() {
		String unsampled = "00-" + TRACE_ID + "-00f067aa0ba902b7-00";
		assertThat(RequestIds.isUnsampled(unsampled)).isTrue();
		assertThat(RequestIds.isUnsampled("00-" + TRACE_ID + "-00f067aa0ba902b7-02")).isTrue();
		assertThat(RequestIds.isUnsampled(TRACEPARENT)).isFalse();
		assertThat(RequestIds.isUnsampled("00-" + TRACE_ID + "-00f067aa0ba902b7-03")).isFalse();
		assertThat(RequestIds.isUnsampled(null)).isFalse();
		assertThat(RequestIds.isUnsampled(unsampled.toUpperCase())).isFalse();
		assertThat(RequestIds.isUnsampled(unsampled + "0")).isFalse();
	}

}
