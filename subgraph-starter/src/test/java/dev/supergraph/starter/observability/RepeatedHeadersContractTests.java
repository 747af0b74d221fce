package dev.supergraph.starter.observability;

import java.util.List;

import dev.supergraph.starter.contract.ContractFiles;
import dev.supergraph.starter.testsubgraph.RawRequest.Answer;
import dev.supergraph.starter.testsubgraph.TestSubgraph;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code X-Request-Id} or a {@code traceparent} sent on several lines, over real HTTP
 * to the running test subgraph: read as its lines joined, as the router reads it
 * ({@code repeated} of {@code contract/request-ids.json} and
 * {@code contract/traceparents.json}, which {@code contract-request-ids.test.mjs} sends
 * to the router). Two ids are no safe id, and two {@code traceparent}s no trace to
 * continue; the servlet's first line had been taken for the whole header.
 */
class RepeatedHeadersContractTests {

	private static final String CALLER_ID = "caller-id-1234";

	private final TestSubgraph subgraph = TestSubgraph.running();

	@Test
	void repeatedRequestIdsAreNoSafeId() {
		for (JsonNode repeated : ContractFiles.read("request-ids.json").path("repeated")) {
			List<String> lines = lines(repeated);
			assertThat(repeated.path("safe").asBoolean()).isFalse();
			Answer answer = this.subgraph.raw()
				.headerLines(RequestIds.HEADER, lines)
				.body("{\"query\":\"{ greeting }\"}")
				.send();
			assertThat(answer.status()).isEqualTo(200);
			assertThat(requestId(answer)).as(lines.toString()).isNotIn(lines).doesNotContain(",");
		}
	}

	@Test
	void repeatedTraceparentsContinueNoTrace() {
		for (JsonNode repeated : ContractFiles.read("traceparents.json").path("repeated")) {
			List<String> lines = lines(repeated);
			assertThat(repeated.path("valid").asBoolean()).isFalse();
			Answer answer = this.subgraph.raw()
				.headerLines(Traceparents.HEADER, lines)
				.header(RequestIds.HEADER, CALLER_ID)
				.body("{\"query\":\"{ greeting }\"}")
				.send();
			assertThat(answer.status()).isEqualTo(200);
			// an invalid traceparent leaves the caller's safe id the request's
			assertThat(requestId(answer)).as(lines.toString()).isEqualTo(CALLER_ID);
		}
	}

	private static List<String> lines(JsonNode repeated) {
		return repeated.path("lines").valueStream().map(JsonNode::asString).toList();
	}

	private static String requestId(Answer answer) {
		return answer.headers().allValues(RequestIds.HEADER).stream().reduce((a, b) -> a + "|" + b).orElseThrow();
	}

}
