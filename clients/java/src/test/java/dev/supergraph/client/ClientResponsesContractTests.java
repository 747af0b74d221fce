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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
	void answersThatAreNotHttpAreNoAnswer(String name, JsonNode answer) throws IOException {
		Result<User> result = withRawServer(answer,
				(endpoint) -> SupergraphClient.create(endpoint, Credentials.none(), "tests")
					.execute(UserOrders.OPERATION, new UserOrders.Variables("5", null, null)));

		assertThat(result.status()).isNull();
		assertThat(result.retryAfterSeconds()).isNull();
		assertThat(result.errors()).extracting(ClientError::code, ClientError::reason)
			.containsExactly(tuple(ErrorCode.CLIENT_ERROR, contract.path("brokenAnswers").path("reason").asString()));
	}

	@ParameterizedTest(name = "framed oddly: {0}")
	@MethodSource("rawAnswers")
	void bodiesFramedOddlyGiveTheSharedResults(String name, JsonNode answer) throws IOException {
		ClientOptions options = answer.has("timeoutMs")
				? ClientOptions.defaults().withTimeout(Duration.ofMillis(answer.path("timeoutMs").asLong()))
				: ClientOptions.defaults();

		Result<User> result = withRawServer(answer,
				(endpoint) -> SupergraphClient.create(endpoint, Credentials.none(), "tests", options)
					.execute(UserOrders.OPERATION, new UserOrders.Variables("5", null, null)));

		JsonNode expected = answer.path("result");
		if (answer.has("status")) {
			assertThat(result).isEqualTo(new Result<>(user(expected.path("data").path("user")), errors(expected),
					answer.path("status").asInt(), null));
			return;
		}
		// no answer: the message is the client's own
		assertThat(result.status()).isNull();
		assertThat(result.errors()).extracting(ClientError::code, ClientError::reason)
			.containsExactlyElementsOf(expected.path("errors")
				.valueStream()
				.map((error) -> tuple(ErrorCode.valueOf(error.path("code").asString()),
						error.path("reason").asString()))
				.toList());
	}

	/**
	 * {@code call} against a bare TCP server on loopback that answers with
	 * {@code answer}'s bytes, byte for byte, which no HTTP server would do.
	 */
	private static Result<User> withRawServer(JsonNode answer, Function<URI, Result<User>> call) throws IOException {
		byte[] raw = answer.path("raw").asString().getBytes(StandardCharsets.ISO_8859_1);
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread serving = new Thread(() -> {
				try (Socket socket = server.accept()) {
					socket.getInputStream().read(new byte[65536]);
					write(socket, raw, answer.path("dripMs").asLong(0));
					if (answer.path("reset").asBoolean()) {
						Thread.sleep(200);
						// closed with a linger of 0: a reset
						socket.setSoLinger(true, 0);
					}
				}
				catch (IOException | InterruptedException ex) {
					// the client's side of the test fails
				}
			});
			serving.setDaemon(true);
			serving.start();
			return call.apply(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/graphql"));
		}
	}

	/**
	 * The head, then 100 ms later the body, as a router writes them: a body whose framing
	 * breaks at once is then a body cut off in either client, not at times no answer.
	 */
	private static void write(Socket socket, byte[] raw, long dripMs) throws IOException, InterruptedException {
		OutputStream out = socket.getOutputStream();
		int head = new String(raw, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 4;
		if (head < 4) {
			out.write(raw);
			return;
		}
		out.write(raw, 0, head);
		out.flush();
		Thread.sleep(100);
		for (int at = head; at < raw.length; at += (dripMs > 0) ? 1 : raw.length) {
			out.write(raw, at, (dripMs > 0) ? 1 : raw.length - at);
			out.flush();
			Thread.sleep(dripMs);
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
		return rawAnswersOf("brokenAnswers");
	}

	static Stream<Arguments> rawAnswers() {
		return rawAnswersOf("rawAnswers");
	}

	private static Stream<Arguments> rawAnswersOf(String section) {
		List<Arguments> answers = new ArrayList<>();
		for (JsonNode node : contract.path(section).path("answers")) {
			answers.add(Arguments.of(node.path("name").asString(), node));
		}
		assertThat(answers).as("no " + section + " in the contract file").isNotEmpty();
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
