package dev.supergraph.microbenchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RouterSignatureBenchmark} measures a stamp that verifies, over the body of the
 * request it names.
 */
class RouterSignatureBenchmarkTests {

	@Test
	void verifiesTheStampOfTheEntitiesRequest() {
		RouterSignatureBenchmark benchmark = new RouterSignatureBenchmark();
		benchmark.products = 100;
		benchmark.sign();
		assertThat(benchmark.verify()).isNotNull();
		assertThat(benchmark.bodyLength()).isGreaterThan(3000);
	}

}
