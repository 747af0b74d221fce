package dev.supergraph.starter.security;

import dev.supergraph.starter.testsubgraph.TestSubgraph;
import dev.supergraph.starter.testsubgraph.TestRequest;
import dev.supergraph.starter.testsubgraph.TestResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code subgraph.security.router-secret} set, only requests with a fresh, unused
 * stamp of the router reach GraphQL, over real HTTP.
 */
class RouterOnlyAccessTests {

	private final TestSubgraph subgraph = TestSubgraph.running();

	@Test
	void aStampedRequestIsAnswered() {
		TestResponse response = this.subgraph.request("{ greeting }").send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().path("data").path("greeting").asString()).isEqualTo("hello");
	}

	@Test
	void anUnstampedRequestIsForbiddenBeforeAnyGraphQlWork() {
		TestResponse response = this.subgraph.request("{ greeting }").unsigned().send();
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
		assertThat(response.body().has("data")).isFalse();
	}

	@Test
	void aStampIsAcceptedOnceOnly() {
		TestRequest request = this.subgraph.request("{ greeting }");
		String stamp = request.freshStamp();
		assertThat(this.subgraph.request("{ greeting }").stamp(stamp).send().status()).isEqualTo(200);
		TestResponse replayed = this.subgraph.request("{ greeting }").stamp(stamp).send();
		assertThat(replayed.status()).isEqualTo(403);
		assertThat(replayed.errorCodes()).containsExactly("FORBIDDEN");
	}

	@Test
	void aStampOfAnotherBodyIsForbidden() {
		String stamp = this.subgraph.request("{ __typename }").freshStamp();
		TestResponse response = this.subgraph.request("{ greeting }").stamp(stamp).send();
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
	}

}
