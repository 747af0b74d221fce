package dev.supergraph.microbenchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.supergraph.starter.security.RouterSignature;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subgraph verifying the router's freshness stamp (an HMAC over the time, the nonce and
 * the body's SHA-256) of an {@code _entities} request for 1 or 100 products: what every
 * signed request costs before anything else reads it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RouterSignatureBenchmark {

	@Param({ "1", "100" })
	public int products;

	private final RouterSignature signature = RouterSignature.withSecret("a-router-secret-for-the-microbenchmark");

	private byte[] body;

	private String stamp;

	@Setup
	public void sign() {
		List<String> ids = IntStream.rangeClosed(1, this.products).mapToObj(String::valueOf).toList();
		this.body = JsonMapper.builder()
			.build()
			.writeValueAsString(RunningCatalog.entitiesBody(ids))
			.getBytes(StandardCharsets.UTF_8);
		this.stamp = this.signature.freshness(this.body);
		verify();
	}

	@Benchmark
	public RouterSignature.Stamp verify() {
		RouterSignature.Stamp verified = this.signature.verifiedStamp(this.stamp, this.body);
		if (verified == null) {
			throw new IllegalStateException("the stamp did not verify");
		}
		return verified;
	}

	int bodyLength() {
		return this.body.length;
	}

}
