package dev.supergraph.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import dev.supergraph.client.SupergraphClient.Credentials;
import dev.supergraph.client.model.User;
import dev.supergraph.client.operations.UserOrders;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The shared response cases ({@code contract/client-responses.json}) against a real HTTP
 * server on loopback: each status, headers and body give the result the TypeScript client
 * gives too; and the shared reading of {@code Retry-After}.
 */
@Timeout(60)
class ClientResponsesContractTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final JsonNode contract = json.readTree(contractFile().toFile());

	private static HttpServer server;

	private static volatile JsonNode current = json.createObjectNode();

	@BeforeAll
	static void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/graphql", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			JsonNode answer = current;
			byte[] bytes = answer.has("bodyBase64") ? Base64.getDecoder().decode(answer.path("bodyBase64").asString())
					: answer.path("body").asString().getBytes(StandardCharsets.UTF_8);
			headers(answer).forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
			// an incomplete answer declares one byte more than it sends: closing the
			// exchange then closes the connection
			boolean incomplete = answer.path("incomplete").asBoolean();
			exchange.sendResponseHeaders(answer.path("status").asInt(),
					incomplete ? bytes.length + 1 : (bytes.length == 0) ? -1 : bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		server.start();
	}

	/** The case's headers, or {@code Content-Type: application/json} when it has none. */
	private static Map<String, List<String>> headers(JsonNode answer) {
		if (!answer.has("headers")) {
			return Map.of("Content-Type", List.of("application/json"));
		}
		Map<String, List<String>> headers = new LinkedHashMap<>();
		answer.path("headers")
			.properties()
			.forEach((header) -> headers.put(header.getKey(),
					header.getValue().isArray() ? header.getValue().valueStream().map(JsonNode::asString).toList()
							: List.of(header.getValue().asString())));
		return headers;
	}

	@AfterAll
	static void stop() {
		server.stop(0);
	}

	@ParameterizedTest(name = "HTTP {0} {1}")
	@MethodSource("cases")
	void answersTheSharedCases(int status, String name, JsonNode answer) {
		current = answer;
		URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");

		Result<User> result = SupergraphClient.create(endpoint, Credentials.none(), "tests")
			.execute(UserOrders.OPERATION, new UserOrders.Variables("5", null, null));

		JsonNode expected = answer.path("result");
		JsonNode retryAfter = expected.path("retryAfterSeconds");
		assertThat(result).isEqualTo(new Result<>(user(expected.path("data").path("user")), errors(expected), status,
				retryAfter.isNumber() ? retryAfter.asInt() : null));
		assertThat(result.ok()).isEqualTo(expected.path("ok").asBoolean());
	}

	@ParameterizedTest(name = "not HTTP: {0}")
	@MethodSource("brokenAnswers")
	void answersThatAreNotHttpAreNoAnswer(String name, String raw) throws IOException {
		try (ServerSocket broken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			// below HTTP: written byte for byte on the connection, which no HTTP server
			// would do
			Thread server = new Thread(() -> {
				try (Socket socket = broken.accept()) {
					socket.getInputStream().read(new byte[65536]);
					socket.getOutputStream().write(raw.getBytes(StandardCharsets.UTF_8));
				}
				catch (IOException ex) {
					// the client's side of the test fails
				}
			});
			server.setDaemon(true);
			server.start();
			URI endpoint = URI.create("http://127.0.0.1:" + broken.getLocalPort() + "/graphql");

			Result<User> result = SupergraphClient.create(endpoint, Credentials.none(), "tests")
				.execute(UserOrders.OPERATION, new UserOrders.Variables("5", null, null));

			assertThat(result.status()).isNull();
			assertThat(result.retryAfterSeconds()).isNull();
			assertThat(result.errors()).extracting(ClientError::code, ClientError::reason)
				.containsExactly(
						tuple(ErrorCode.CLIENT_ERROR, contract.path("brokenAnswers").path("reason").asString()));
		}
	}

	@ParameterizedTest(name = "Retry-After: {0}")
	@MethodSource("retryAfterHeaders")
	void readsTheRetryAfterHeaderByTheSharedRules(String value, @Nullable Integer seconds) {
		Instant now = Instant.parse(contract.path("retryAfter").path("now").asString());

		assertThat(RetryAfter.seconds(value, now)).isEqualTo(seconds);
	}

	@Test
	void theLongestDelayIsTheContracts() {
		assertThat(RetryAfter.MAX_SECONDS).isEqualTo(contract.path("retryAfter").path("maxSeconds").asInt());
	}

	@Test
	void theClientsOwnReasonsAreTheContracts() {
		assertThat(Arrays.stream(ClientErrorReason.values()).map(Enum::name))
			.containsExactlyInAnyOrderElementsOf(contract.path("clientReasons").propertyNames());
	}

	static Stream<Arguments> cases() {
		assertThat(contract.path("cases").isEmpty()).as("no cases in the contract file").isFalse();
		List<Arguments> cases = new ArrayList<>();
		for (JsonNode node : contract.path("cases")) {
			cases.add(Arguments.of(node.path("status").asInt(), node.path("name").asString(), node));
		}
		return cases.stream();
	}

	static Stream<Arguments> brokenAnswers() {
		List<Arguments> answers = new ArrayList<>();
		for (JsonNode node : contract.path("brokenAnswers").path("answers")) {
			answers.add(Arguments.of(node.path("name").asString(), node.path("raw").asString()));
		}
		assertThat(answers).as("no broken answers in the contract file").isNotEmpty();
		return answers.stream();
	}

	static Stream<Arguments> retryAfterHeaders() {
		List<Arguments> headers = new ArrayList<>();
		for (JsonNode node : contract.path("retryAfter").path("headers")) {
			JsonNode seconds = node.path("seconds");
			headers.add(Arguments.of(node.path("value").asString(), seconds.isNull() ? null : seconds.asInt()));
		}
		assertThat(headers).as("no Retry-After values in the contract file").isNotEmpty();
		return headers.stream();
	}

	private static @Nullable User user(JsonNode user) {
		return (user.isMissingNode() || user.isNull()) ? null : json.treeToValue(user, User.class);
	}

	private static List<ClientError> errors(JsonNode result) {
		List<ClientError> errors = new ArrayList<>();
		for (JsonNode error : result.path("errors")) {
			List<Object> path = new ArrayList<>();
			error.path("path")
				.forEach((segment) -> path.add(segment.isNumber() ? segment.asInt() : segment.asString()));
			JsonNode retryAfter = error.path("retryAfterSeconds");
			errors.add(new ClientError(ErrorCode.valueOf(error.path("code").asString()),
					error.path("message").asString(), path, error.path("requestId").asString(null),
					retryAfter.isNumber() ? retryAfter.asInt() : null, error.path("reason").asString(null)));
		}
		return errors;
	}

	private static Path contractFile() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path file = dir.resolve("contract").resolve("client-responses.json");
			if (Files.isRegularFile(file)) {
				return file;
			}
		}
		throw new IllegalStateException("No contract/client-responses.json above " + Path.of("").toAbsolutePath());
	}

}
