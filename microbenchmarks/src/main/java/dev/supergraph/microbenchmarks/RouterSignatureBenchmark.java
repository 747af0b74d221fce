package dev.supergraph.microbenchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import dev.supergraph.starter.security.RouterSignature;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subgraph verifying the router's freshness stamp (an HMAC over the time, the nonce and
 * the body's SHA-256) of an {@code _entities} request for 1 or 100 products: what every
 * signed request costs before anything else reads it.
 */
public class RouterSignatureBenchmark extends Microbenchmark {

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
