package dev.supergraph.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static dev.supergraph.gateway.Hostile.assertNoLeak;
import static dev.supergraph.gateway.Hostile.code;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text that PostgreSQL cannot store or that rewrites logs and terminals (NUL, other C0
 * controls, unpaired surrogates) in every string input of every subgraph, through the
 * router and signed straight to the owning subgraph: refused before execution with
 * {@code BAD_USER_INPUT}, reason {@code INVALID_CHARACTERS} and the input's path in
 * {@code extensions.field}. A 60,000-character value gets its input's documented answer.
 * Never {@code INTERNAL}, never a leak, and every subgraph keeps serving.
 */
class HostileTextIT {

	static final Map<String, String> HOSTILE = Map.of("NUL", "SKU-\u0000-1", "unpaired high surrogate", "SKU-\ud800",
			"unpaired low surrogate", "\udc00SKU", "reversed surrogate pair", "\udc00\ud800", "escape sequence",
			"\u001b[2J");

	static Supergraph supergraph;

	@BeforeAll
	static void supergraph() {
		supergraph = Supergraph.get();
	}

	@AfterEach
	void subgraphsKeepServing() {
		SubgraphAdversarialIT.assertSubgraphsServe(supergraph);
	}

	static List<Arguments> hostileInputs() {
		List<Arguments> cases = new ArrayList<>();
		for (StringInputs input : StringInputs.all()) {
			HOSTILE.forEach((kind, value) -> {
				cases.add(Arguments.of(input, kind, value, "direct"));
				if (input.viaRouter()) {
					cases.add(Arguments.of(input, kind, value, "router"));
				}
			});
		}
		return cases;
	}

	@ParameterizedTest(name = "{0} with {1} ({3})")
	@MethodSource("hostileInputs")
	void unstorableTextIsRefusedBeforeExecutionNamingTheInput(StringInputs input, String kind, String value,
			String route) {
		Response response = send(input, value, route);
		assertThat(response.status()).as(response.body()).isEqualTo(route.equals("router") ? 200 : 400);
		assertThat(code(response)).as(response.body()).isEqualTo("BAD_USER_INPUT");
		JsonNode extensions = response.json().path("errors").path(0).path("extensions");
		assertThat(extensions.path("reason").asString()).isEqualTo("INVALID_CHARACTERS");
		assertThat(extensions.path("field").valueStream().map(JsonNode::asString))
			.containsExactlyElementsOf(input.field());
		assertThat(response.json().path("errors")).hasSize(1);
		assertNothingResolved(response);
		assertNoLeak(response);
	}

	/**
	 * Refused before execution: no data at all from the subgraph; the router answers each
	 * root field of that subgraph with null.
	 */
	static void assertNothingResolved(Response response) {
		JsonNode data = response.data();
		assertThat(data.isNull() || data.isMissingNode() || data.valueStream().allMatch(JsonNode::isNull))
			.as(response.body())
			.isTrue();
	}

	static List<Arguments> longInputs() {
		List<Arguments> cases = new ArrayList<>();
		for (StringInputs input : StringInputs.all()) {
			cases.add(Arguments.of(input, "direct"));
			if (input.viaRouter()) {
				cases.add(Arguments.of(input, "router"));
			}
		}
		return cases;
	}

	@ParameterizedTest(name = "{0} ({1})")
	@MethodSource("longInputs")
	void veryLongTextGetsTheInputsDocumentedAnswer(StringInputs input, String route) {
		Response response = send(input, "x".repeat(60_000), route);
		String expected = input.longValue();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertNoLeak(response);
		assertThat(code(response)).as(response.body()).isNotEqualTo("INTERNAL");
		if (expected.startsWith("userError:")) {
			assertThat(code(response)).as(response.body()).isNull();
			JsonNode payload = response.data().properties().iterator().next().getValue();
			assertThat(payload.path("userErrors").path(0).path("code").asString()).as(response.body())
				.isEqualTo(expected.substring("userError:".length()));
		}
		else {
			assertThat(code(response)).as(response.body()).isEqualTo(expected.equals("none") ? null : expected);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routes")
	void literalsInTheDocumentAreCheckedLikeVariables(String route) {
		GraphQlHttpClient client = route.equals("router") ? supergraph.router() : supergraph.subgraphClient("catalog");
		Response response = client.post("{ productBySku(sku: \"SKU-\\u0000-1\") { id } }");
		assertThat(code(response)).as(response.body()).isEqualTo("BAD_USER_INPUT");
		assertThat(response.json().path("errors").path(0).path("extensions").path("field").path(0).asString())
			.isEqualTo("sku");
		assertNoLeak(response);
	}

	static List<String> routes() {
		return List.of("router", "direct");
	}

	@Test
	void rawControlCharactersAndSurrogatesInTheDocumentAreRefusedByTheSubgraph() {
		for (String raw : List.of("\u0000", "\ud800", "\u0007")) {
			Response response = supergraph.subgraphClient("catalog")
				.post("{ productBySku(sku: \"A" + raw + "\") { id } }");
			assertThat(code(response)).as(response.body()).isEqualTo("BAD_USER_INPUT");
			assertNoLeak(response);
		}
	}

	@Test
	void tabsLineBreaksAndPairedSurrogatesAreTextAndStoredAsSent() {
		String name = "Ada\tLove\r\nlace \ud83d\ude00";
		String token = TestTokens.forUser("451");
		Response response = supergraph.router()
			.post("mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { user { name } userErrors { code } } }",
					Map.of("input", Map.of("name", name)), token);
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();
		assertThat(response.data().path("updateProfile").path("user").path("name").asString()).isEqualTo(name);
		Response read = supergraph.router().post("{ user(id: \"451\") { name } }", Map.of(), token);
		assertThat(read.data().path("user").path("name").asString()).isEqualTo(name);
	}

	private static Response send(StringInputs input, String value, String route) {
		Map<String, Object> variables = input.variables().apply(value);
		if (route.equals("router")) {
			return supergraph.router().post(input.document(), variables, input.token());
		}
		return supergraph.subgraphClient(input.subgraph()).post(input.directDocument(), variables, input.token());
	}

}
