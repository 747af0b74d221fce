package dev.supergraph.starter.errors;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import dev.supergraph.starter.testsubgraph.TestSubgraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A method that an operator's endpoint does not take (a POST to the health probe, a
 * DELETE of the metrics) is 405 in the GraphQL error shape, {@code BAD_USER_INPUT} with
 * the methods the path takes in the client's language, over real HTTP to the running test
 * subgraph.
 */
class RefusedMethodsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient client = HttpClient.newHttpClient();

	private final URI url = TestSubgraph.running().url();

	@ParameterizedTest(name = "{0} {1} ({2})")
	@CsvSource(delimiter = '|',
			value = { "POST|/actuator/health/readiness|en|This path takes only these methods: GET",
					"PUT|/actuator/health/liveness|en|This path takes only these methods: GET",
					"DELETE|/actuator/prometheus|en|This path takes only these methods: GET",
					"PATCH|/actuator/health|de|Dieser Pfad nimmt nur diese Methoden an: GET" })
	void isRefusedWithTheMethodsThePathTakes(String method, String path, String language, String message)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.url.resolve(path))
			.method(method, BodyPublishers.ofString("{}"))
			.header("Content-Type", "application/json")
			.header("Accept-Language", language)
			.build();
		HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("GET");
		JsonNode error = json.readTree(response.body()).path("errors").path(0);
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
		assertThat(error.path("extensions").path("requestId").asString()).isNotEmpty();
		assertThat(error.path("message").asString()).isEqualTo(message);
	}

}
