package dev.supergraph.starter.limits;

import dev.supergraph.starter.testsubgraph.TestSubgraph;
import dev.supergraph.starter.testsubgraph.TestResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
	void aBodyOverTheMaximumSizeIsRefusedAsBadInput() {
		TestResponse response = this.subgraph.request("{ greeting }").paddedTo(3 * 1024).send();
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
	}

}
