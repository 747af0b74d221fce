package dev.supergraph.starter.errors;

import java.util.List;

import dev.supergraph.starter.contract.ContractFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ShownText} shows a client's text as {@code contract/shown-text.json} says; the
 * router runs the same cases ({@code contract-shown-text.test.mjs}).
 */
class ShownTextContractTests {

	private static final JsonNode CONTRACT = ContractFiles.read("shown-text.json");

	static List<JsonNode> cases() {
		return CONTRACT.path("cases").valueStream().toList();
	}

	@Test
	void messagesAreBoundedByTheContract() {
		assertThat(ShownText.MESSAGE_CODE_POINTS).isEqualTo(CONTRACT.path("maxCodePoints").asInt());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void showsTheTextAsTheContractSays(JsonNode entry) {
		assertThat(ShownText.of(entry.path("text").asString(), ShownText.MESSAGE_CODE_POINTS))
			.isEqualTo(entry.path("shown").asString());
	}

}
