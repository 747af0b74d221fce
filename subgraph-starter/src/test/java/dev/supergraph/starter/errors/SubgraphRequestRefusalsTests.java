package dev.supergraph.starter.errors;

import java.util.stream.Stream;

import dev.supergraph.starter.testsubgraph.RawRequest;
import dev.supergraph.starter.testsubgraph.TestSubgraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusals of a subgraph that the router does not share
 * ({@code contract/request-refusals.json} has those it does): only {@code POST} of JSON
 * is read, only JSON is answered (no event stream, no multipart), unknown request fields
 * are ignored as GraphQL over HTTP requires, and what the headers tell is refused before
 * the router's signature is checked, what the body tells after it. Over real HTTP against
 * the running test subgraph.
 */
class SubgraphRequestRefusalsTests {

	private static final String DOCUMENT = "{\"query\":\"{ greeting }\"}";

	private final TestSubgraph subgraph = TestSubgraph.running();

	static Stream<Arguments> refusals() {
		return Stream.of(Arguments.of("GET", "application/json", null, "", 405, "METHOD_NOT_ALLOWED", null),
				Arguments.of("a form", "application/x-www-form-urlencoded", null, "query=%7B+greeting+%7D", 415,
						"UNSUPPORTED_MEDIA_TYPE", null),
				Arguments.of("application/graphql", "application/graphql", null, "{ greeting }", 415,
						"UNSUPPORTED_MEDIA_TYPE", null),
				Arguments.of("a response type as the content type", "application/graphql-response+json", null, DOCUMENT,
						415, "UNSUPPORTED_MEDIA_TYPE", null),
				Arguments.of("multipart", "multipart/form-data; boundary=x", null, DOCUMENT, 415,
						"UNSUPPORTED_MEDIA_TYPE", null),
				Arguments.of("Accept that cannot be parsed", "application/json", "application/", DOCUMENT, 406,
						"NOT_ACCEPTABLE", null),
				// Spring for GraphQL's event stream answers subscriptions only, which no
				// subgraph has: every operation got a 200 stream of one error without a
				// code
				Arguments.of("Accept naming only an event stream", "application/json", "text/event-stream", DOCUMENT,
						406, "NOT_ACCEPTABLE", null),
				Arguments.of("Accept naming only text", "application/json", "text/*", DOCUMENT, 406, "NOT_ACCEPTABLE",
						null),
				Arguments.of("Accept naming only multipart", "application/json", "multipart/mixed", DOCUMENT, 406,
						"NOT_ACCEPTABLE", null),
				Arguments.of("an event stream of malformed JSON", "application/json", "text/event-stream",
						"{\"query\":", 406, "NOT_ACCEPTABLE", null),
				Arguments.of("a trusted document id, which a subgraph does not read", "application/json", null,
						"{\"documentId\":\"abc\"}", 400, "DOCUMENT_REQUIRED", null),
				Arguments.of("a persisted query hash without a query", "application/json", null,
						"{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"abc\"}}}", 400,
						"DOCUMENT_REQUIRED", null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	void isRefusedWithItsReason(String what, String contentType, String accept, String body, int status, String reason,
			String parameter) {
		RawRequest request = this.subgraph.raw()
			.method(what.equals("GET") ? "GET" : "POST")
			.header("Content-Type", contentType)
			.body(body);
		if (accept != null) {
			request.header("Accept", accept);
		}
		RefusalAssert.assertRefused(request.send(), status, reason, parameter);
	}

	@ParameterizedTest
	@ValueSource(strings = { "APPLICATION/JSON", "application/json; charset=utf-8",
			"application/json;charset=\"UTF-8\"", "Application/Json; Charset=utf-8; x=y" })
	void servesJsonInUtf8InAnyCase(String contentType) {
		RefusalAssert.assertServed(this.subgraph.raw().header("Content-Type", contentType).body(DOCUMENT).send());
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/graphql-response+json, application/json, multipart/mixed", "*/*",
			"application/*", "text/html, application/json;q=0.9", "APPLICATION/GRAPHQL-RESPONSE+JSON; charset=utf-8",
			"text/event-stream, application/json", "text/event-stream, */*", "" })
	void servesEveryAcceptThatNamesJson(String accept) {
		RefusalAssert.assertServed(this.subgraph.raw().header("Accept", accept).body(DOCUMENT).send());
	}

	@Test
	void servesWithoutAcceptAndWithAnIdentityCoding() {
		RefusalAssert.assertServed(this.subgraph.raw()
			.header("Accept", null)
			.header("Content-Encoding", "identity")
			.body(DOCUMENT)
			.send());
	}

	@Test
	void ignoresUnknownRequestFieldsAndNullOnes() {
		RefusalAssert.assertServed(this.subgraph.raw()
			.body("{\"query\":\"{ greeting }\",\"document\":\"{ failure }\",\"documentId\":1,\"operationName\":null,"
					+ "\"variables\":null,\"extensions\":null,\"x\":{\"deep\":[1,{\"y\":null}]}}")
			.send());
	}

	@Test
	void readsVariablesAndExtensions() {
		var answer = this.subgraph.raw()
			.body("{\"query\":\"query Q($size: Int) { node(first: $size) { name } }\",\"operationName\":\"Q\","
					+ "\"variables\":{\"size\":2},\"extensions\":{\"x\":{\"y\":[1]}}}")
			.send();
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		assertThat(answer.text()).isEqualTo("{\"data\":{\"node\":{\"name\":\"root\"}}}");
	}

	@Test
	void refusesWhatTheHeadersTellBeforeTheSignatureAndWhatTheBodyTellsAfterIt() {
		RefusalAssert.assertRefused(this.subgraph.raw().unsigned().method("PUT").body(DOCUMENT).send(), 405,
				"METHOD_NOT_ALLOWED", null);
		RefusalAssert.assertRefused(this.subgraph.raw().unsigned().header("Content-Type", "text/plain").send(), 415,
				"UNSUPPORTED_MEDIA_TYPE", null);
		var unsigned = this.subgraph.raw().unsigned().body("{\"query\":1}").send();
		assertThat(unsigned.status()).as(unsigned.text()).isEqualTo(403);
		assertThat(unsigned.text()).contains("\"FORBIDDEN\"").doesNotContain("INVALID_PARAMETER");
	}

	@Test
	void namesTheFieldAtFaultInTheCallersLanguage() {
		var answer = this.subgraph.raw().header("Accept-Language", "de").body("{\"query\":{}}").send();
		RefusalAssert.assertRefused(answer, 400, "INVALID_PARAMETER", "query");
		assertThat(answer.text()).contains("\\\"query\\\" muss eine Zeichenkette sein.");
	}

	@AfterEach
	void stillServes() {
		RefusalAssert.assertServed(this.subgraph.raw().body(DOCUMENT).send());
	}

}
