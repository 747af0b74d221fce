package dev.supergraph.starter.limits;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.supergraph.starter.testsubgraph.TestSubgraph;
import dev.supergraph.starter.testsubgraph.TestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The request limits over real HTTP, with the test subgraph's small
 * {@code subgraph.limits.max-depth} and {@code max-body-size}.
 */
class RequestLimitsTests {

	private final TestSubgraph subgraph = TestSubgraph.running();

	@Test
	void aSelectionAtTheMaximumDepthIsAnswered() {
		TestResponse response = this.subgraph.request("{ node { child { child { name } } } }").send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().at("/data/node/child/child/name").asString()).isEqualTo("root.child.child");
	}

	@Test
	void aSelectionDeeperThanTheMaximumIsTooComplexAndNothingRuns() {
		// a GraphQL error of a well-formed request: HTTP 200, no data at all
		TestResponse response = this.subgraph.request("{ node { child { child { child { name } } } } }").send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.errorCodes()).containsExactly("QUERY_TOO_COMPLEX");
		assertThat(response.body().has("data")).isFalse();
	}

	@Test
	void anOperationThatPassedDoesNotLetAnotherOperationOfItsDocumentThrough() {
		String document = "query Shallow { node { name } } query Deep { node { child { child { child { name } } } } }";
		assertThat(
				this.subgraph.request(document).operationName("Shallow").send().body().at("/data/node/name").asString())
			.isEqualTo("root");
		assertThat(this.subgraph.request(document).operationName("Deep").send().errorCodes())
			.containsExactly("QUERY_TOO_COMPLEX");
	}

	@ParameterizedTest
	@MethodSource("limitsThatDependOnAVariable")
	void aLimitThatDependsOnAVariableIsCheckedWithEveryRequestsVariables(VariableLimit limit) {
		// a first request within the limit must not let a later one beyond it through
		// unmeasured
		for (int round = 0; round < 2; round++) {
			TestResponse within = this.subgraph.request(limit.document()).variables(limit.within()).send();
			assertThat(within.body().at(limit.answerPath()).asString()).isEqualTo(limit.answer());
			assertThat(this.subgraph.request(limit.document()).variables(limit.beyond()).send().errorCodes())
				.containsExactly("QUERY_TOO_COMPLEX");
		}
	}

	static Stream<Arguments> limitsThatDependOnAVariable() {
		return Stream.of(argumentSet("a depth, by @include", new VariableLimit(
				"query Q($deep: Boolean!) { node { child { child { name child @include(if: $deep) { name } } } } }",
				Map.of("deep", false), "/data/node/child/child/name", "root.child.child", Map.of("deep", true))),
				argumentSet("a page size",
						new VariableLimit("query Q($size: Int) { node(first: $size) { name } }", Map.of("size", 2),
								"/data/node/name", "root", Map.of("size", 100_000))),
				// sample's @listSize(slicingArguments: ["size"])
				argumentSet("any slicing argument the schema declares",
						new VariableLimit("query Q($size: Int) { sample(size: $size) { name } }", Map.of("size", 2),
								"/data/sample/name", "sample", Map.of("size", 100_000))));
	}

	@Test
	void twoSlicingArgumentsWhereTheFieldRequiresOneAreBadInputAndNothingRuns() {
		// window's @listSize(slicingArguments: ["first", "last"]),
		// requireOneSlicingArgument
		// left at the spec's default
		String document = "query Q($first: Int, $last: Int) { window(first: $first, last: $last) { name } }";
		for (int round = 0; round < 2; round++) {
			TestResponse one = this.subgraph.request(document).variables(Map.of("last", 3)).send();
			assertThat(one.body().at("/data/window/name").asString()).isEqualTo("window");
			TestResponse both = this.subgraph.request(document).variables(Map.of("first", 2, "last", 3)).send();
			assertThat(both.errorCodes()).containsExactly("BAD_USER_INPUT");
			assertThat(both.body().at("/errors/0/extensions/reason").asString()).isEqualTo("SLICING_ARGUMENTS");
			assertThat(both.body().at("/errors/0/message").asString())
				.isEqualTo("Give at most one of first, last to window.");
			assertThat(both.body().has("data")).isFalse();
		}
		TestResponse german = this.subgraph.request("{ window(first: 2, last: 3) { name } }")
			.header("Accept-Language", "de")
			.send();
		assertThat(german.body().at("/errors/0/message").asString())
			.isEqualTo("Höchstens eines von first, last für window angeben.");
	}

	@Test
	void twoSlicingArgumentsWhereTheFieldAllowsSeveralCountTheLarger() {
		// anyWindow's requireOneSlicingArgument: false: 100,000 rows whichever argument
		// gives them
		for (String arguments : List.of("first: 2, last: 100000", "first: 100000, last: 2")) {
			TestResponse response = this.subgraph.request("{ anyWindow(" + arguments + ") { name } }").send();
			assertThat(response.errorCodes()).as(arguments).containsExactly("QUERY_TOO_COMPLEX");
		}
		TestResponse small = this.subgraph.request("{ anyWindow(first: 2, last: 3) { name } }").send();
		assertThat(small.body().at("/data/anyWindow/name").asString()).isEqualTo("anyWindow");
	}

	@Test
	void aFieldOfAnInterfaceSelectedAgainInOneTypesFragmentCountsOncePerItem() {
		// 5000 shapes, each with one owner: a Circle's with its child costs 2, so each
		// shape
		// costs 3 (15,000), not 1 + 2 + 1 + 1 for a group of owners per type (25,000)
		TestResponse once = this.subgraph
			.request("{ shapes(first: 5000) { owner { name } ... on Circle { owner { child { name } } } } }")
			.send();
		assertThat(once.body().at("/data/shapes/0/owner/child/name").asString()).isEqualTo("circle.child");
		// different response keys add up: 5000 x (1 + 2 + 2)
		TestResponse twoKeys = this.subgraph
			.request("{ shapes(first: 5000) { ... on Circle { owner { child { name } } } "
					+ "... on Square { other: owner { child { name } } } } }")
			.send();
		assertThat(twoKeys.errorCodes()).containsExactly("QUERY_TOO_COMPLEX");
		assertThat(twoKeys.body().at("/errors/0/message").asString())
			.isEqualTo("The operation has complexity 25,000; the maximum is 20,000.");
	}

	@Test
	void aFragmentIsMeasuredWhereverItIsSpread() {
		// Spread at depth 3 first, then at depth 5: graphql-java's own walk measured it
		// once.
		String document = "{ a: node { ...Two } b: node { child { child { ...Two } } } } "
				+ "fragment Two on Nested { child { name } }";
		assertThat(this.subgraph.request(document).send().errorCodes()).containsExactly("QUERY_TOO_COMPLEX");
		assertThat(this.subgraph.request("{ a: node { ...Two } } fragment Two on Nested { child { name } }")
			.send()
			.body()
			.at("/data/a/child/name")
			.asString()).isEqualTo("root.child");
	}

	@Test
	void pagesSelectingOneFragmentAddUpToTooComplex() {
		// Each page of 600 costs 600 for its rows and 600 for their children: twenty of
		// them are over the limit of 20,000.
		StringBuilder pages = new StringBuilder("{ ");
		for (int page = 0; page < 20; page++) {
			pages.append("p").append(page).append(": node(first: 600) { ...Row } ");
		}
		String document = pages + "} fragment Row on Nested { name child { name } }";
		TestResponse response = this.subgraph.request(document).send();
		assertThat(response.errorCodes()).containsExactly("QUERY_TOO_COMPLEX");
		assertThat(response.body().at("/errors/0/message").asString())
			.isEqualTo("The operation has complexity 24,000; the maximum is 20,000.");
	}

	@Test
	void aPageSizeOmittedOrNullCostsTheAssumedSizeTheSchemaDeclares() {
		// node's @listSize(assumedSize: 1000): eleven pages of 1000 rows with a child
		// each
		String omitted = "{ " + "p%d: node { child { name } } ".repeat(11).formatted(range(11)) + "}";
		String fromVariable = "query Q($n: Int) { "
				+ "p%d: node(first: $n) { child { name } } ".repeat(11).formatted(range(11)) + "}";
		for (TestResponse refused : List.of(this.subgraph.request(omitted).send(),
				this.subgraph.request(fromVariable).send(),
				this.subgraph.request(fromVariable).variables(nullValue("n")).send())) {
			assertThat(refused.errorCodes()).containsExactly("QUERY_TOO_COMPLEX");
			assertThat(refused.body().at("/errors/0/message").asString())
				.isEqualTo("The operation has complexity 22,000; the maximum is 20,000.");
		}
		TestResponse small = this.subgraph.request(fromVariable).variables(Map.of("n", 1)).send();
		assertThat(small.body().at("/data/p10/child/name").asString()).isEqualTo("root.child");
	}

	private static Object[] range(int count) {
		return IntStream.range(0, count).boxed().toArray();
	}

	private static Map<String, Object> nullValue(String name) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(name, null);
		return variables;
	}

	@Test
	void aBodyOverTheMaximumSizeIsRefusedAsBadInput() {
		TestResponse response = this.subgraph.request("{ greeting }").paddedTo(3 * 1024).send();
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
	}

	/**
	 * A document whose measure depends on its variables.
	 *
	 * @param document the document
	 * @param within variables that keep it within the limits
	 * @param answerPath where the answer to those variables is
	 * @param answer the answer
	 * @param beyond variables that take it beyond a limit
	 */
	record VariableLimit(String document, Map<String, Object> within, String answerPath, String answer,
			Map<String, Object> beyond) {

	}

}
