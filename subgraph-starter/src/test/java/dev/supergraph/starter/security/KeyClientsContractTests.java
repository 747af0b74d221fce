package dev.supergraph.starter.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.supergraph.starter.contract.ContractFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client names that only a key gives, as {@code contract/metric-labels.json}'s key
 * files fix them: every record's client, revoked or not. The router reads the same files
 * ({@code contract-metric-labels.test.mjs}).
 */
class KeyClientsContractTests {

	private static final JsonNode contract = ContractFiles.read("metric-labels.json");

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path directory;

	@Test
	void theKeyClientsAreTheClientsOfEveryRecord() throws IOException {
		int index = 0;
		for (JsonNode keyFile : contract.path("keyFiles")) {
			Path file = this.directory.resolve("api-keys-" + (index++) + ".json");
			Files.writeString(file, json.writeValueAsString(Map.of("keys", keyFile.path("keys"))));
			ApiKeyStore store = new ApiKeyStore(file, Duration.ofSeconds(1), Clock.systemUTC(), json);
			assertThat(store.clients()).as(keyFile.toString())
				.containsExactlyInAnyOrderElementsOf(
						keyFile.path("keyClients").valueStream().map(JsonNode::asString).toList());
		}
	}

}
