package dev.supergraph.starter.errors;

import java.util.Map;
import java.util.stream.Stream;

import dev.supergraph.starter.contract.ContractFiles;
import dev.supergraph.starter.testsubgraph.RawRequest;
import dev.supergraph.starter.testsubgraph.RawRequest.Answer;
import dev.supergraph.starter.testsubgraph.TestSubgraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every malformed request of {@code contract/request-refusals.json}, which the router's
 * {@code router-requests.test.mjs} sends too, against the running test subgraph over real
 * HTTP, signed like the router's: the status, {@code BAD_USER_INPUT}, the reason and the
 * request field at fault, in the GraphQL error shape, and nothing of the server's
 * insides.
 */
class RequestRefusalsContractTests {

	private final TestSubgraph subgraph = TestSubgraph.running();

	static Stream<Arguments> cases() {
		return ContractFiles.read("request-refusals.json")
			.path("cases")
			.valueStream()
			.map((c) -> Arguments.of(c.path("name").asString(), c.path("request"), c.path("refusal")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void isRefusedAsTheRouterRefusesIt(String name, JsonNode request, JsonNode refusal) {
		Answer answer = send(this.subgraph.raw(), request);
		RefusalAssert.assertRefused(answer, refusal.path("status").asInt(), refusal.path("reason").asString(),
				refusal.path("parameter").asString(null));
		assertThat(refusal.path("code").asString()).isEqualTo("BAD_USER_INPUT");
	}

	@AfterEach
	void stillServes() {
		RefusalAssert.assertServed(this.subgraph.raw().body("{\"query\":\"{ greeting }\"}").send());
	}

	private static Answer send(RawRequest raw, JsonNode request) {
		raw.method(request.path("method").asString("POST")).body(request.path("body").asString(""));
		JsonNode contentType = request.path("contentType");
		if (!contentType.isMissingNode()) {
			raw.header("Content-Type", contentType.isNull() ? null : contentType.asString());
		}
		for (Map.Entry<String, JsonNode> header : request.path("headers").properties()) {
			raw.header(header.getKey(), header.getValue().asString());
		}
		return raw.send();
	}

}
