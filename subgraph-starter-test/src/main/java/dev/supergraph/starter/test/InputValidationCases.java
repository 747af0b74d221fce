package dev.supergraph.starter.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared input validation cases ({@code contract/input-validation-cases.json}), which
 * the generated TypeScript and Java clients run as well: each subgraph sends those of its
 * input types over HTTP and must answer exactly the expected user errors.
 */
public final class InputValidationCases {

	/** The codes of the declared rules; other user errors come from the domain. */
	private static final Set<String> VALIDATION_CODES = Set.of("REQUIRED", "INVALID_LENGTH", "INVALID_FORMAT",
			"INVALID_EMAIL", "OUT_OF_RANGE");

	private InputValidationCases() {
	}

	/**
	 * The cases of some input types.
	 * @param inputTypes the input types of a subgraph
	 * @return the cases, in file order
	 */
	public static List<Case> of(String... inputTypes) {
		return read(JsonMapper.builder().build().readTree(contractFile().toFile()).path("cases"), inputTypes);
	}

	/**
	 * The cases of absent and null values of some input types: the clients answer them
	 * with {@code REQUIRED}, GraphQL refuses them before any resolver (see
	 * {@link Case#refusalOf}).
	 * @param inputTypes the input types of a subgraph
	 * @return the cases, in file order
	 */
	public static List<Case> missing(String... inputTypes) {
		return read(JsonMapper.builder().build().readTree(contractFile().toFile()).path("missing").path("cases"),
				inputTypes);
	}

	private static List<Case> read(JsonNode list, String... inputTypes) {
		List<Case> cases = new ArrayList<>();
		for (JsonNode node : list) {
			if (List.of(inputTypes).contains(node.path("input").asString())) {
				cases.add(new Case(node.path("name").asString(), node.path("input").asString(), node.path("value"),
						errors(node.path("errors"))));
			}
		}
		return cases;
	}

	/**
	 * The validation errors of a mutation payload, in the cases' notation.
	 * @param payload the payload, with {@code userErrors { code field }}
	 * @return {@code CODE input.field.path} per validation error, in payload order
	 */
	public static List<String> validationErrors(JsonNode payload) {
		List<String> errors = new ArrayList<>();
		for (JsonNode error : payload.path("userErrors")) {
			if (VALIDATION_CODES.contains(error.path("code").asString())) {
				errors.add(error(error));
			}
		}
		return errors;
	}

	private static List<String> errors(JsonNode expected) {
		List<String> errors = new ArrayList<>();
		expected.forEach((error) -> errors.add(error(error)));
		return errors;
	}

	private static String error(JsonNode error) {
		List<String> path = new ArrayList<>();
		error.path("field").forEach((segment) -> path.add(segment.asString()));
		return error.path("code").asString() + " " + String.join(".", path);
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

	/**
	 * One case.
	 *
	 * @param name what it is about
	 * @param input the input type
	 * @param value the input value
	 * @param errors the expected errors as {@code CODE input.field.path}, sorted by path
	 * then code
	 */
	public record Case(String name, String input, JsonNode value, List<String> errors) {

		/**
		 * Sends this case's value to a mutation of a running subgraph and reads the
		 * validation errors it answers.
		 * @param port the subgraph's port
		 * @param mutation the mutation that takes this case's input type as {@code input}
		 * @param token the caller's token
		 * @return the validation errors of the payload, as {@link #validationErrors}
		 */
		public List<String> answerOf(int port, String mutation, String token) {
			String document = "mutation($input: " + this.input + "!) { " + mutation
					+ "(input: $input) { userErrors { code field } } }";
			JsonNode payload = GraphQlHttpClient.forPort(port)
				.post(document, Map.of("input", this.value), token)
				.data()
				.path(mutation);
			return validationErrors(payload);
		}

		/**
		 * Sends this case's value, absent and null values included, and reads how the
		 * subgraph refuses it.
		 * @param port the subgraph's port
		 * @param mutation the mutation that takes this case's input type as {@code input}
		 * @param token the caller's token
		 * @return the codes of the request's GraphQL errors when it answered no data (a
		 * missing non-null value is {@code BAD_USER_INPUT}), else the validation errors
		 * of the payload, as {@link #validationErrors}
		 */
		public List<String> refusalOf(int port, String mutation, String token) {
			String document = "mutation($input: " + this.input + "!) { " + mutation
					+ "(input: $input) { userErrors { code field } } }";
			JsonNode answer = GraphQlHttpClient.forPort(port).post(document, Map.of("input", this.value), token).json();
			if (answer.path("data").path(mutation).isObject()) {
				return validationErrors(answer.path("data").path(mutation));
			}
			List<String> codes = new ArrayList<>();
			answer.path("errors").forEach((error) -> codes.add(error.path("extensions").path("code").asString()));
			return codes;
		}

		/**
		 * How a subgraph refuses this case of an absent or null value
		 * ({@link InputValidationCases#missing}): not at all when the field is nullable
		 * (the case expects no error), else GraphQL refuses the whole request with
		 * {@code BAD_USER_INPUT} where the clients say {@code REQUIRED}.
		 * @return what {@link #refusalOf} must answer
		 */
		public List<String> expectedRefusal() {
			return this.errors.isEmpty() ? List.of() : List.of("BAD_USER_INPUT");
		}

		@Override
		public String toString() {
			return this.input + ": " + this.name;
		}

	}

}
