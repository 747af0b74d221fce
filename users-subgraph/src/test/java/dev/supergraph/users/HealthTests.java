package dev.supergraph.users;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import dev.supergraph.starter.test.SubgraphTest;
import dev.supergraph.starter.test.TestDatabases;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness follows the database and names the check that is down, without its details;
 * liveness never depends on the database (docs/runbook.md, Health). The database is a
 * real PostgreSQL that refuses this subgraph's connections, then takes them again. A
 * database of its own, so that no other test's subgraph loses its connections.
 */
@SubgraphTest
@TestPropertySource(properties = "spring.application.name=" + HealthTests.NAME)
class HealthTests {

	static final String NAME = "users-health";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void readinessIsDownWithTheDatabaseAndSaysSoWhileLivenessStaysUp() throws Exception {
		assertHealth("readiness", 200, """
				{"status":"UP","components":{"db":{"status":"UP"},"readinessState":{"status":"UP"}}}""");
		TestDatabases.acceptConnections(NAME, false);
		try {
			assertHealth("readiness", 503, """
					{"status":"DOWN","components":{"db":{"status":"DOWN"},"readinessState":{"status":"UP"}}}""");
			assertHealth("liveness", 200, """
					{"status":"UP","components":{"livenessState":{"status":"UP"}}}""");
		}
		finally {
			TestDatabases.acceptConnections(NAME, true);
		}
		assertHealth("readiness", 200, """
				{"status":"UP","components":{"db":{"status":"UP"},"readinessState":{"status":"UP"}}}""");
	}

	private void assertHealth(String group, int status, String body) throws IOException, InterruptedException {
		URI uri = URI.create("http://127.0.0.1:" + this.port + "/actuator/health/" + group);
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode expected = json.readTree(body);
		assertThat(json.readTree(response.body())).isEqualTo(expected);
	}

}
