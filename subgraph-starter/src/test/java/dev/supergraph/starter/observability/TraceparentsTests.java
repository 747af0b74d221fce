package dev.supergraph.starter.observability;

import dev.supergraph.starter.contract.ContractFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which {@code traceparent} headers a subgraph continues
 * ({@code contract/traceparents.json}, which the router follows too), and what that makes
 * the request's id and its sampling.
 */
class TraceparentsTests {

	private static final JsonNode CONTRACT = ContractFiles.read("traceparents.json");

	@Test
	void usesTheContractHeader() {
		assertThat(Traceparents.HEADER).isEqualTo(CONTRACT.path("header").asString());
	}

	@Test
	void continuesValidTracesOnly() {
		for (JsonNode entry : CONTRACT.path("headers")) {
			String header = entry.path("header").asString();
			if (entry.path("valid").asBoolean(true)) {
				String traceId = entry.path("traceId").asString();
				assertThat(Traceparents.traceId(header)).as(header).isEqualTo(traceId);
				assertThat(Traceparents.isUnsampled(header)).as(header).isEqualTo(!entry.path("sampled").asBoolean());
				assertThat(RequestIds.choose("caller-id-1234", header)).as(header).isEqualTo(traceId);
			}
			else {
				assertThat(Traceparents.traceId(header)).as(header).isNull();
				assertThat(Traceparents.isUnsampled(header)).as(header).isFalse();
				assertThat(RequestIds.choose("caller-id-1234", header)).as(header).isEqualTo("caller-id-1234");
				assertThat(RequestIds.choose(null, header)).as(header)
					.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
			}
		}
	}

	@Test
	void noHeaderIsNoTrace() {
		assertThat(Traceparents.traceId(null)).isNull();
		assertThat(Traceparents.isUnsampled(null)).isFalse();
	}

}
