package dev.supergraph.starter.ratelimit;

import dev.supergraph.starter.testsubgraph.TestSubgraph;
import dev.supergraph.starter.testsubgraph.TestResponse;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-client rate limit over real HTTP: each authenticated client has its own budget
 * per minute, then {@code RATE_LIMITED} with status 429, counted for operators.
 */
class RateLimitTests {

	private final TestSubgraph subgraph = TestSubgraph.running();

	@Test
	void aClientOverItsBudgetIsRateLimitedWhileAnotherIsNot() {
		double refusedBefore = refusals();
		String busy = this.subgraph.apiKey("busy-client");
		for (int i = 0; i < TestSubgraph.REQUESTS_PER_MINUTE; i++) {
			assertThat(this.subgraph.request("{ greeting }").apiKey(busy).send().status()).isEqualTo(200);
		}
		TestResponse limited = this.subgraph.request("{ greeting }").apiKey(busy).send();
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.errorCodes()).containsExactly("RATE_LIMITED");
		assertThat(refusals()).isEqualTo(refusedBefore + 1);
		String other = this.subgraph.apiKey("other-client");
		assertThat(this.subgraph.request("{ greeting }").apiKey(other).send().status()).isEqualTo(200);
	}

	private double refusals() {
		return this.subgraph.bean(MeterRegistry.class)
			.get("subgraph.rate-limit.refusals")
			.tag("limiter", "local")
			.counter()
			.count();
	}

}
