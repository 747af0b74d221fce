package dev.supergraph.starter.observability;

import dev.supergraph.starter.contract.ContractFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The id of a request: the trace id of a well-formed {@code traceparent}, else a safe
 * {@code X-Request-Id} ({@code contract/request-ids.json}, which the router follows too),
 * else a new one.
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
		JsonNode contract = ContractFiles.read("request-ids.json");
		assertThat(RequestIds.HEADER).isEqualToIgnoringCase(contract.path("header").asString());
		for (JsonNode id : contract.path("ids")) {
			String caller = id.path("id").asString();
			if (id.path("safe").asBoolean()) {
				assertThat(RequestIds.choose(caller, null)).as(caller).isEqualTo(caller);
			}
			else {
				assertThat(RequestIds.choose(caller, null)).as(caller)
					.isNotEqualTo(caller)
					.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
			}
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
