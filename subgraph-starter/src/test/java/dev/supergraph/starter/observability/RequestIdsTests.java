package dev.supergraph.starter.observability;

import dev.supergraph.starter.contract.ContractFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The id of a request: the trace id of a valid {@code traceparent} (the cases of
 * {@link TraceparentsTests}), else a safe {@code X-Request-Id}
 * ({@code contract/request-ids.json}, which the router follows too), else a new one.
 */
class RequestIdsTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

	@Test
	void aRequestWithATraceparentIsKnownByItsTraceId() {
		assertThat(RequestIds.choose("caller-id-1234", TRACEPARENT)).isEqualTo(TRACE_ID);
		assertThat(RequestIds.choose(null, TRACEPARENT)).isEqualTo(TRACE_ID);
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

}
