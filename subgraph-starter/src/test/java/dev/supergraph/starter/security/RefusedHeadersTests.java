package dev.supergraph.starter.security;

import java.util.Locale;

import dev.supergraph.starter.testsubgraph.RawExchange;
import dev.supergraph.starter.testsubgraph.TestResponse;
import dev.supergraph.starter.testsubgraph.TestSubgraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring Security's firewall and the bearer token reader refuse, over real HTTP in
 * signed requests: a header with a control character or a URL the firewall does not allow
 * is {@code BAD_USER_INPUT} (400) with the message of a malformed header, a malformed
 * bearer credential {@code UNAUTHENTICATED} (401), and a well-formed token is read
 * whatever the scheme's case.
 */
class RefusedHeadersTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String DOCUMENT = "{ greeting }";

	private final TestSubgraph subgraph = TestSubgraph.running();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "a C1 control in the bearer token|/graphql|Authorization: Bearer abc\u0085def",
					"a C1 control in an API key|/graphql|X-Api-Key: key\u0085",
					"a semicolon in the path|/graphql;v=1|X-Note: plain",
					"an encoded slash in the path|/a%2Fgraphql|X-Note: plain" })
	void theFirewallsRefusalIsAMalformedRequest(String name, String path, String header) {
		String response = exchange(path, header);
		int headersEnd = response.indexOf("\r\n\r\n");
		assertThat(response.substring(0, headersEnd).toLowerCase(Locale.ROOT)).startsWith("http/1.1 400")
			.contains("x-request-id: ");
		JsonNode error = json.readTree(body(response.substring(headersEnd + 4))).path("errors").path(0);
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
		assertThat(error.path("extensions").path("reason").asString()).isEqualTo("MALFORMED_HTTP");
		assertThat(error.path("message").asString())
			.isEqualTo("The request line, its headers or its path are malformed.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer a b", "Bearer ", "Bearer abc=def", "bearer\tabc" })
	void aMalformedBearerCredentialIsUnauthenticated(String authorization) {
		TestResponse response = this.subgraph.request("{ me { subject } }")
			.header("Authorization", authorization)
			.send();
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.errorCodes()).containsExactly("UNAUTHENTICATED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer ", "bearer ", "BEARER " })
	void aTokenIsReadWhateverTheSchemesCase(String scheme) {
		TestResponse response = this.subgraph.request("{ me { subject } }")
			.header("Authorization", scheme + this.subgraph.token("user-9"))
			.send();
		assertThat(response.body().path("data").path("me").path("subject").asString()).isEqualTo("user-9");
	}

	/**
	 * A signed POST sent as bytes, so that a header may hold what an HTTP client refuses.
	 */
	private String exchange(String path, String header) {
		String body = "{\"query\":\"" + DOCUMENT + "\"}";
		String stamp = this.subgraph.request(DOCUMENT).freshStamp();
		String request = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + body.length() + "\r\n" + RouterSignature.FRESHNESS_HEADER + ": " + stamp + "\r\n"
				+ header + "\r\nConnection: close\r\n\r\n" + body;
		return RawExchange.sendRaw(this.subgraph.url(), request);
	}

	/** The body, unchunked if it came in chunks. */
	private static String body(String raw) {
		if (raw.startsWith("{")) {
			return raw;
		}
		int start = raw.indexOf("\r\n") + 2;
		return raw.substring(start, raw.indexOf("\r\n", start));
	}

}
