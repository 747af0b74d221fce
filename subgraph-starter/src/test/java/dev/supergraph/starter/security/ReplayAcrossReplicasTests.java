package dev.supergraph.starter.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.supergraph.starter.sharedstate.TestRedis;
import dev.supergraph.starter.testsubgraph.TestCredentials;
import dev.supergraph.starter.testsubgraph.TestPorts;
import dev.supergraph.starter.testsubgraph.TestSubgraph;
import dev.supergraph.starter.testsubgraph.TestSubgraphApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of the starter's test subgraph on one Redis of the test's own, over real
 * HTTP: a request the router signed is served once by either replica, also when Redis
 * forgets its keys in between.
 */
class ReplayAcrossReplicasTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final byte[] BODY = "{\"query\":\"{ greeting }\"}".getBytes(StandardCharsets.UTF_8);

	private final RouterSignature router = RouterSignature.withSecret(TestSubgraph.ROUTER_SECRET);

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path directory;

	@Test
	void aRequestServedBeforeRedisForgotItsKeysIsRefusedAtTheOtherReplica() throws Exception {
		TestCredentials credentials = new TestCredentials(this.directory);
		String prefix = TestRedis.ownPrefix();
		try (TestRedis.OwnServer redis = new TestRedis.OwnServer(TestPorts.free());
				ConfigurableApplicationContext a = replica(redis, prefix, credentials);
				ConfigurableApplicationContext b = replica(redis, prefix, credentials)) {
			String stamp = this.router.freshness(BODY);
			Answer served = post(a, stamp);
			assertThat(served.status()).isEqualTo(200);
			assertThat(served.body().path("data").path("greeting").asString()).isEqualTo("hello");
			TestRedis.administer(redis.url(), (commands) -> commands.flushdb());
			Answer replayed = post(b, stamp);
			assertThat(replayed.status()).isEqualTo(403);
			assertThat(replayed.body().path("errors").get(0).path("extensions").path("code").asString())
				.isEqualTo("FORBIDDEN");
			assertThat(replayed.body().path("errors").get(0).path("message").asString())
				.isEqualTo("This service accepts only requests signed by the router.");
			assertThat(replayed.body().has("data")).isFalse();
			assertThat(post(a, stamp).status()).as("replayed to the replica that served it").isEqualTo(403);
			assertThat(post(b, this.router.freshness(BODY)).status()).as("a request sent after").isEqualTo(200);
			assertThat(restarts(a) + restarts(b)).as("reported once").isEqualTo(1);
		}
	}

	/**
	 * A replica with Redis timeouts for a busy test machine: what is tested here is the
	 * shared memory, not failing open without it ({@link RedisNoncesTests} does that).
	 */
	private static ConfigurableApplicationContext replica(TestRedis.OwnServer redis, String prefix,
			TestCredentials credentials) {
		return new SpringApplicationBuilder(TestSubgraphApplication.class)
			.properties("server.port=" + TestPorts.free(), "subgraph.database.embedded.enabled=false",
					"management.endpoint.health.validate-group-membership=false",
					"subgraph.security.jwt.public-key-location=file:" + credentials.publicKeyFile(),
					"subgraph.security.router-secret=" + TestSubgraph.ROUTER_SECRET,
					"spring.data.redis.url=" + redis.url(), "spring.data.redis.timeout=2s",
					"spring.data.redis.connect-timeout=2s", "subgraph.shared-state.key-prefix=" + prefix)
			.run();
	}

	private Answer post(ConfigurableApplicationContext replica, String stamp) throws IOException, InterruptedException {
		URI url = URI
			.create("http://127.0.0.1:" + replica.getEnvironment().getProperty("local.server.port") + "/graphql");
		HttpRequest request = HttpRequest.newBuilder(url)
			.header("Content-Type", "application/json")
			.header(RouterSignature.FRESHNESS_HEADER, stamp)
			.POST(HttpRequest.BodyPublishers.ofByteArray(BODY))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), json.readTree(response.body()));
	}

	private static double restarts(ConfigurableApplicationContext replica) {
		return replica.getBean(MeterRegistry.class)
			.get("subgraph.replay.memory.restarts")
			.tag("cause", "lost")
			.counter()
			.count();
	}

	private record Answer(int status, JsonNode body) {

	}

}
