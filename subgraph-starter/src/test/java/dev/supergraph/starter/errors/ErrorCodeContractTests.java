package dev.supergraph.starter.errors;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import dev.supergraph.starter.contract.ContractFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ErrorCode} is the documented list of {@code contract/error-codes.json}, in order
 * and with the same HTTP statuses; the router's list is checked against the same file
 * ({@code contract-error-codes.test.mjs}).
 */
class ErrorCodeContractTests {

	@Test
	void errorCodesAreTheContractCodesWithTheirHttpStatuses() {
		Map<String, Integer> contract = new LinkedHashMap<>();
		for (JsonNode entry : ContractFiles.read("error-codes.json").path("codes")) {
			contract.put(entry.path("code").asString(), entry.path("httpStatus").asInt());
		}
		Map<String, Integer> java = Arrays.stream(ErrorCode.values())
			.collect(Collectors.toMap(ErrorCode::name, (code) -> code.httpStatus().value(), (a, b) -> a,
					LinkedHashMap::new));
		assertThat(java).containsExactlyEntriesOf(contract);
	}

	@ParameterizedTest
	@ValueSource(strings = { "subgraph-errors.properties", "subgraph-errors_de.properties" })
	void everyCodeHasItsDefaultMessageInEachBundle(String bundle) throws IOException {
		Properties messages = new Properties();
		try (InputStream in = new ClassPathResource(bundle).getInputStream()) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::messageKey))
			.allSatisfy((key) -> assertThat(messages.getProperty(key)).as(key).isNotBlank());
	}

}
