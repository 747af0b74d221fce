package dev.supergraph.starter.errors;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.supergraph.starter.contract.ContractFiles;
import dev.supergraph.starter.testsubgraph.RawExchange;
import dev.supergraph.starter.testsubgraph.TestSubgraph;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request of {@code contract/transport-answers.json}, which the router's
 * {@code contract-transport-answers.test.mjs} sends too, over a raw socket to the running
 * test subgraph: answered by its method and path alone as the router answers it (a method
 * the path does not take, TRACE among them, 405 with the path's {@code Allow}; nothing
 * served, a trailing slash among them, 404 {@code NOT_FOUND}; CONNECT 400; a path not in
 * its one form 400; OPTIONS as any other method; a request line over the limit 414,
 * headers over it 431), with a request id, and without a body to HEAD.
 */
class TransportAnswersContractTests {

	private static final JsonNode contract = ContractFiles.read("transport-answers.json");

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * The subgraph's path for each role of the contract, and the methods it takes there.
	 */
	private static final Map<String, Role> roles = Map.of("graphql", new Role("/graphql", "POST"), "liveness",
			new Role("/actuator/health/liveness", "GET"), "readiness", new Role("/actuator/health/readiness", "GET"),
			"metrics", new Role("/actuator/prometheus", "GET"), "nothing", new Role("/nothing", null));

	private final URI url = TestSubgraph.running().url();

	static Stream<Arguments> cases() {
		return contract.path("cases")
			.valueStream()
			.map((c) -> Arguments.of(c.path("name").asString(), c.path("request"), c.path("answer")));
	}

	static Stream<Arguments> served() {
		return contract.path("served")
			.valueStream()
			.map((c) -> Arguments.of(c.path("name").asString(), c.path("request"), c.path("answer")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void isAnsweredAsTheRouterAnswersIt(String name, JsonNode request, JsonNode answer) {
		RawExchange exchange = send(request);
		assertThat(exchange.status()).as(exchange.toString()).isEqualTo(answer.path("status").asInt());
		assertThat(exchange.headers().get("content-type")).startsWith("application/json");
		assertThat(exchange.headers().get("allow")).as(exchange.toString())
			.isEqualTo((exchange.status() == 405) ? roles.get(request.path("path").asString()).allow() : null);
		if (isHead(request)) {
			assertThat(exchange.body()).isEmpty();
			return;
		}
		assertRefused(exchange, answer.path("code").asString(), answer.path("reason").asString(null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("served")
	void isServedWithARequestId(String name, JsonNode request, JsonNode answer) {
		RawExchange exchange = send(request);
		assertThat(exchange.status()).as(exchange.toString()).isEqualTo(answer.path("status").asInt());
		assertThat(exchange.headers().get("x-request-id")).isNotBlank();
		String status = isHead(request) ? exchange.body() : json.readTree(exchange.body()).path("status").asString();
		assertThat(status).isEqualTo(isHead(request) ? "" : answer.path("healthStatus").asString());
	}

	/**
	 * What only a subgraph has: a health check below the health endpoint that does not
	 * exist (the actuator's bare 404), and the error page asked for itself (a 500).
	 * @param path the path
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health/nothing", "/actuator/health/liveness/nothing", "/error" })
	void aPathThatServesNothingIsNotFound(String path) {
		RawExchange exchange = RawExchange.send(this.url,
				"GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(exchange.status()).as(exchange.toString()).isEqualTo(404);
		assertRefused(exchange, "NOT_FOUND", null);
	}

	// The request a case names, as contract-transport-answers.test.mjs writes it.
	private RawExchange send(JsonNode request) {
		StringBuilder head = new StringBuilder(request.path("method").asString()).append(' ')
			.append(target(request))
			.append(' ')
			.append(request.path("version").asString("HTTP/1.1"))
			.append("\r\n");
		List<String> lines = new ArrayList<>();
		if (request.has("hosts")) {
			request.path("hosts").valueStream().map(JsonNode::asString).forEach(lines::add);
		}
		else {
			lines.add("Host: localhost");
		}
		request.path("headers").valueStream().map(JsonNode::asString).forEach(lines::add);
		JsonNode padding = request.path("padding");
		if (padding.has("header")) {
			lines.add("X-Padding: " + "x".repeat(padding.path("header").asInt()));
		}
		for (int n = 0; n < padding.path("lines").asInt(0); n++) {
			lines.add("X-Header-" + n + ": x");
		}
		lines.add("Connection: close");
		lines.forEach((line) -> head.append(line).append("\r\n"));
		return RawExchange.send(this.url, head.append("\r\n").append(request.path("body").asString("")).toString());
	}

	private static String target(JsonNode request) {
		String written = request.has("path") ? roles.get(request.path("path").asString()).path() : "";
		if (request.path("upperCase").asBoolean(false)) {
			written = written.toUpperCase(Locale.ROOT);
		}
		if (request.path("encodeLast").asBoolean(false)) {
			written = written.substring(0, written.length() - 1)
					+ "%%%02X".formatted((int) written.charAt(written.length() - 1));
		}
		written = request.has("target") ? request.path("target").asString().replace("{path}", written)
				: written + request.path("suffix").asString("");
		int padding = request.path("padding").path("target").asInt(0);
		return (padding > 0) ? written + "?pad=" + "x".repeat(padding) : written;
	}

	private static void assertRefused(RawExchange exchange, String code, @Nullable String reason) {
		JsonNode extensions = json.readTree(exchange.body()).path("errors").path(0).path("extensions");
		assertThat(extensions.path("code").asString()).as(exchange.toString()).isEqualTo(code);
		assertThat(extensions.path("reason").asString(null)).as(exchange.toString()).isEqualTo(reason);
		assertThat(extensions.path("requestId").asString()).isEqualTo(exchange.headers().get("x-request-id"));
	}

	private static boolean isHead(JsonNode request) {
		return "HEAD".equals(request.path("method").asString());
	}

	private record Role(String path, @Nullable String allow) {
	}

}
