package dev.supergraph.starter.errors;

import java.util.stream.Stream;

import dev.supergraph.starter.contract.ContractFiles;
import dev.supergraph.starter.testsubgraph.RawRequest.Answer;
import dev.supergraph.starter.testsubgraph.TestSubgraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every variable value of {@code contract/variable-values.json}, which the router's
 * {@code contract-variable-values.test.mjs} coerces with graphql-js too, sent as written
 * to the running test subgraph over real HTTP: read as the same ID or Int (a number whose
 * value is an integer is one, however written), or refused with the same reason.
 */
class VariableValuesContractTests {

	private static final JsonNode contract = ContractFiles.read("variable-values.json");

	private final TestSubgraph subgraph = TestSubgraph.running();

	static Stream<Arguments> cases() {
		return contract.path("cases")
			.valueStream()
			.map((c) -> Arguments.of(c.path("type").asString(), c.path("value").asString(), c));
	}

	@ParameterizedTest(name = "{1} as {0}")
	@MethodSource("cases")
	void isReadAsTheRouterReadsIt(String type, String value, JsonNode expected) {
		String argument = type.startsWith("ID") ? "id" : "int";
		String document = "query($v: %s) { echo(%s: $v) }".formatted(type, argument);
		String body = "{\"query\":\"%s\",\"variables\":{\"v\":%s}}".formatted(document.replace("\"", "\\\""), value);
		Answer answer = this.subgraph.raw().body(body).send();
		if (expected.has("refused")) {
			RefusalAssert.assertRefused(answer, 400, expected.path("refused").asString(), null);
		}
		else {
			assertThat(answer.status()).as(answer.text()).isEqualTo(200);
			assertThat(answer.text()).isEqualTo("{\"data\":{\"echo\":\"" + expected.path("read").asString() + "\"}}");
		}
	}

}
