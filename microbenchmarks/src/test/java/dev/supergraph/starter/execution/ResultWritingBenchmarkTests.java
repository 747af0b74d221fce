package dev.supergraph.starter.execution;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both converters of {@link ResultWritingBenchmark} write the same JSON for a real
 * result, so the benchmark compares two ways of doing the same work.
 */
class ResultWritingBenchmarkTests {

	@Test
	void bothConvertersWriteTheSameJson() {
		String[] written = new String[2];
		String[] converters = { "GraphQlJsonConverter", "JacksonJsonHttpMessageConverter" };
		for (int index = 0; index < 2; index++) {
			ResultWritingBenchmark benchmark = new ResultWritingBenchmark();
			benchmark.converter = converters[index];
			benchmark.capture();
			benchmark.write();
			written[index] = benchmark.written();
		}
		assertThat(written[0]).startsWith("{\"data\":{\"_entities\":[{\"id\":\"1\"").isEqualTo(written[1]);
	}

}
