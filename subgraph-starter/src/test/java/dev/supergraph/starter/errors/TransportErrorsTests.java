package dev.supergraph.starter.errors;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import dev.supergraph.starter.testsubgraph.RawExchange;
import dev.supergraph.starter.testsubgraph.TestSubgraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that Tomcat refuses while parsing them, before any filter or servlet, answer
 * in the GraphQL error shape with a documented code and the router's status and reason (a
 * request line over the limit 414, headers over it in size or lines 431, where Tomcat
 * said 400; an unmet expectation 417): sent over a raw socket, as a hostile or broken
 * client would send them, to the running test subgraph.
 */
class TransportErrorsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final URI url = TestSubgraph.running().url();

	static List<Arguments> refusedRequests() {
		String longQuery = "x".repeat(20_000);
		return List.of(
				Arguments.of("a request line over the header limit",
						"GET /graphql?query=" + longQuery
								+ " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: de\r\n\r\n",
						414, "URI_TOO_LONG"),
				Arguments.of("a header over the limit",
						"GET /graphql HTTP/1.1\r\nHost: localhost\r\nTraceState: " + longQuery + "\r\n\r\n", 431,
						"HEADERS_TOO_LARGE"),
				Arguments.of("more header lines than the connector takes",
						"GET /graphql HTTP/1.1\r\nHost: localhost\r\n" + "X-Line: x\r\n".repeat(150) + "\r\n", 431,
						"HEADERS_TOO_LARGE"),
				Arguments.of("an expectation Tomcat does not meet",
						"POST /graphql HTTP/1.1\r\nHost: localhost\r\nExpect: 200-ok\r\nContent-Length: 0\r\n\r\n", 417,
						"EXPECTATION_FAILED"),
				Arguments.of("a malformed request line", "GET /graphql HTTP/1.1 trailing\r\nHost: localhost\r\n\r\n",
						400, "MALFORMED_HTTP"),
				Arguments.of("an unsupported HTTP version", "GET /graphql HTTP/7.1\r\nHost: localhost\r\n\r\n", 400,
						"MALFORMED_HTTP"),
				Arguments.of("an unsupported transfer coding",
						"POST /graphql HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: zip\r\n\r\n", 400,
						"MALFORMED_HTTP"),
				Arguments.of("a control character in the URI", "GET /graph\u0001ql HTTP/1.1\r\nHost: localhost\r\n\r\n",
						400, "MALFORMED_HTTP"),
				Arguments.of("an invalid percent-encoding", "GET /graphql%zz HTTP/1.1\r\nHost: localhost\r\n\r\n", 400,
						"MALFORMED_HTTP"),
				Arguments.of("a header name with a space",
						"GET /graphql HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n", 400, "MALFORMED_HTTP"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedRequests")
	void isAnsweredAsAGraphQlErrorWithItsCode(String name, String request, int status, String reason) {
		String response = RawExchange.sendRaw(this.url, request);
		int headersEnd = response.indexOf("\r\n\r\n");
		String head = response.substring(0, headersEnd).toLowerCase(Locale.ROOT);
		assertThat(head).startsWith("http/1.1 " + status)
			.contains("content-type: application/json")
			.contains("x-request-id: ");
		JsonNode error = json.readTree(response.substring(headersEnd + 4)).path("errors").path(0);
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
		assertThat(error.path("extensions").path("reason").asString()).isEqualTo(reason);
		assertThat(error.path("extensions").path("requestId").asString()).isNotBlank();
		assertThat(error.path("message").asString()).isNotBlank().doesNotContain("Tomcat").doesNotContain("<");
	}

}
