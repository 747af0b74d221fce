package dev.supergraph.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.validation.Validation;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared input validation cases ({@code contract/input-validation-cases.json}) with
 * Hibernate Validator on the generated records: the client refuses exactly what the
 * subgraphs refuse, with the same codes and field paths.
 */
class InputValidationContractTests {

	static final JsonMapper json = JsonMapper.builder().build();

	final InputValidation validation = new InputValidation(Validation.byDefaultProvider()
		.configure()
		.messageInterpolator(new ParameterMessageInterpolator())
		.buildValidatorFactory()
		.getValidator());

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("cases")
	void answersTheSharedCasesWithTheirUserErrors(String input, String name, JsonNode value, List<String> expected)
			throws ClassNotFoundException {
		Object record = json.treeToValue(value, Class.forName("dev.supergraph.client.model." + input));
		List<String> errors = this.validation.validate(record)
			.stream()
			.map((error) -> error.code() + " " + String.join(".", error.field()))
			.toList();
		assertThat(errors).containsExactlyElementsOf(expected);
	}

	@Test
	void theEmailFormatIsTheContracts() {
		assertThat(InputValidation.EMAIL)
			.isEqualTo(json.readTree(contractFile().toFile()).path("formats").path("email").asString());
	}

	@Test
	void theCharactersThatMakeAValueBlankAreTheContracts() {
		assertThat(InputValidation.INVISIBLE)
			.isEqualTo(json.readTree(contractFile().toFile()).path("formats").path("invisible").asString());
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("missingCases")
	void answersTheSharedMissingValuesWithRequired(String input, String name, JsonNode value, List<String> expected)
			throws ClassNotFoundException {
		answersTheSharedCasesWithTheirUserErrors(input, name, value, expected);
	}

	static Stream<Arguments> cases() {
		return cases(json.readTree(contractFile().toFile()).path("cases"));
	}

	/** Absent and null values, which GraphQL refuses before a subgraph could. */
	static Stream<Arguments> missingCases() {
		return cases(json.readTree(contractFile().toFile()).path("missing").path("cases"));
	}

	private static Stream<Arguments> cases(JsonNode nodes) {
		assertThat(nodes.isEmpty()).as("no cases in the contract file").isFalse();
		List<Arguments> cases = new ArrayList<>();
		for (JsonNode node : nodes) {
			List<String> expected = new ArrayList<>();
			for (JsonNode error : node.path("errors")) {
				List<String> field = new ArrayList<>();
				error.path("field").forEach((segment) -> field.add(segment.asString()));
				expected.add(error.path("code").asString() + " " + String.join(".", field));
			}
			cases.add(Arguments.of(node.path("input").asString(), node.path("name").asString(), node.path("value"),
					expected));
		}
		return cases.stream();
	}

	private static Path contractFile() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path file = dir.resolve("contract").resolve("input-validation-cases.json");
			if (Files.isRegularFile(file)) {
				return file;
			}
		}
		throw new IllegalStateException(
				"No contract/input-validation-cases.json above " + Path.of("").toAbsolutePath());
	}

}
