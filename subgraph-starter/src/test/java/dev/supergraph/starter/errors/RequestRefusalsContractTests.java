package dev.supergraph.starter.errors;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * HTTP, signed like the router's: the status, {@code BAD_USER_INPUT}, the reason, the
 * request field at fault and, where the contract gives it, the message, in the GraphQL
 * error shape, and nothing of the server's insides; and every request the contract has
 * both sides serve, served, in the media type it names.
 */
class RequestRefusalsContractTests {

	private static final JsonNode contract = ContractFiles.read("request-refusals.json");

	private final TestSubgraph subgraph = TestSubgraph.running();

	static Stream<Arguments> cases() {
		return contract.path("cases")
			.valueStream()
			.map((c) -> Arguments.of(c.path("name").asString(), c.path("request"), c.path("refusal")));
	}

	static Stream<Arguments> served() {
		return contract.path("served")
			.valueStream()
			.map((c) -> Arguments.of(c.path("name").asString(), c.path("request"),
					c.path("answeredIn").asString("application/json")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void isRefusedAsTheRouterRefusesIt(String name, JsonNode request, JsonNode refusal) {
		Answer answer = send(this.subgraph.raw(), request);
		RefusalAssert.assertRefused(answer, refusal.path("status").asInt(), refusal.path("reason").asString(),
				refusal.path("parameter").asString(null));
		assertThat(refusal.path("code").asString()).isEqualTo("BAD_USER_INPUT");
		if (refusal.has("message")) {
			// the router's words, ended with a full stop as every message of a subgraph
			assertThat(RefusalAssert.message(answer)).isEqualTo(refusal.path("message").asString() + ".");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("served")
	void isServedAsTheRouterServesIt(String name, JsonNode request, String answeredIn) {
		Answer answer = send(this.subgraph.raw(), request);
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		assertThat(answer.text()).isEqualTo("{\"data\":{\"__typename\":\"Query\"}}");
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith(answeredIn);
	}

	@AfterEach
	void stillServes() {
		RefusalAssert.assertServed(this.subgraph.raw().body("{\"query\":\"{ greeting }\"}").send());
	}

	private static Answer send(RawRequest raw, JsonNode request) {
		raw.method(request.path("method").asString("POST")).body(body(request));
		JsonNode contentType = request.path("contentType");
		if (!contentType.isMissingNode()) {
			raw.header("Content-Type", contentType.isNull() ? null : contentType.asString());
		}
		for (Map.Entry<String, JsonNode> header : request.path("headers").properties()) {
			JsonNode value = header.getValue();
			if (value.isArray()) {
				raw.headerLines(header.getKey(), value.valueStream().map(JsonNode::asString).toList());
			}
			else {
				raw.header(header.getKey(), value.asString());
			}
		}
		if (request.path("chunked").asBoolean(false)) {
			raw.chunked();
		}
		return raw.send();
	}

	// The body as UTF-8, or one byte per character; followed by spaces to one byte over
	// the test subgraph's size limit if the case says so.
	private static byte[] body(JsonNode request) {
		JsonNode bytes = request.path("bodyBytes");
		byte[] body = bytes.isMissingNode() ? request.path("body").asString("").getBytes(StandardCharsets.UTF_8)
				: bytes.asString().getBytes(StandardCharsets.ISO_8859_1);
		if (!request.path("overLimit").asBoolean(false)) {
			return body;
		}
		byte[] padded = Arrays.copyOf(body, TestSubgraph.MAX_BODY_BYTES + 1);
		Arrays.fill(padded, body.length, padded.length, (byte) ' ');
		return padded;
	}

}
