package dev.supergraph.starter.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import dev.supergraph.starter.contract.ContractFiles;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The API key file contract ({@code contract/api-key-files.json}) against the subgraphs'
 * key store; the router's loader runs the same cases
 * ({@code contract-api-keys.test.mjs}).
 */
class ApiKeyStoreContractTests {

	private static final JsonNode contract = ContractFiles.read("api-key-files.json");

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path directory;

	static Stream<Named<JsonNode>> cases() {
		return contract.path("cases").valueStream().map((each) -> Named.of(each.path("name").asString(), each));
	}

	@ParameterizedTest
	@MethodSource("cases")
	void keyFileIsReadAsTheContractSays(JsonNode testCase) throws IOException {
		Path file = this.directory.resolve("api-keys.json");
		Files.writeString(file, testCase.has("text") ? testCase.path("text").asString()
				: json.writeValueAsString(testCase.path("file")));
		if (!testCase.path("valid").asBoolean()) {
			assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class).isThrownBy(() -> store(file))
				.withMessageContaining("subgraph.security.api-keys.file");
			return;
		}
		ApiKeyStore store = store(file);
		for (JsonNode check : testCase.path("verify")) {
			String presented = check.has("presented") ? check.path("presented").asString()
					: contract.path("keys").path(check.path("key").asString()).asString();
			assertThat(store.verify(presented)).as(presented).isEqualTo(client(check.path("client")));
		}
	}

	private static Optional<ApiKeyClient> client(JsonNode expected) {
		if (expected.isNull()) {
			return Optional.empty();
		}
		Set<String> scopes = new HashSet<>();
		expected.path("scopes").forEach((scope) -> scopes.add(scope.asString()));
		return Optional
			.of(new ApiKeyClient(expected.path("id").asString(), expected.path("client").asString(), scopes));
	}

	private static ApiKeyStore store(Path file) {
		return new ApiKeyStore(file, Duration.ofSeconds(1), Clock.systemUTC(), json);
	}

}
