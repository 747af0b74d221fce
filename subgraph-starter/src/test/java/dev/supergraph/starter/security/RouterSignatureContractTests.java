package dev.supergraph.starter.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;

import dev.supergraph.starter.contract.ContractFiles;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The freshness stamp contract ({@code contract/freshness-stamps.json}): the subgraphs
 * (and their signed client) stamp exactly as the router does, and verify its stamps; the
 * router's signing code runs the same vectors ({@code contract-freshness.test.mjs}).
 */
class RouterSignatureContractTests {

	private static final JsonNode contract = ContractFiles.read("freshness-stamps.json");

	private final RouterSignature signature = RouterSignature.withSecret(contract.path("secret").asString());

	static Stream<Named<JsonNode>> stamps() {
		return named(contract.path("stamps"));
	}

	static Stream<Named<JsonNode>> refused() {
		return named(contract.path("refused"));
	}

	@ParameterizedTest
	@MethodSource("stamps")
	void stampIsProducedAndVerifiedAsTheRouterDoes(JsonNode vector) {
		Instant at = Instant.ofEpochMilli(vector.path("time").asLong());
		String nonce = vector.path("nonce").asString();
		byte[] body = body(vector);
		assertThat(this.signature.freshness(body, at, nonce)).isEqualTo(vector.path("header").asString());
		assertThat(this.signature.verifiedStamp(vector.path("header").asString(), body))
			.isEqualTo(new RouterSignature.Stamp(at, nonce));
	}

	@ParameterizedTest
	@MethodSource("refused")
	void stampIsRefused(JsonNode vector) {
		String header = vector.path("header").isNull() ? null : vector.path("header").asString();
		assertThat(this.signature.verifiedStamp(header, body(vector))).isNull();
	}

	private static byte[] body(JsonNode vector) {
		return vector.path("body").asString().getBytes(StandardCharsets.UTF_8);
	}

	private static Stream<Named<JsonNode>> named(JsonNode vectors) {
		return vectors.valueStream().map((each) -> Named.of(each.path("name").asString(), each));
	}

}
