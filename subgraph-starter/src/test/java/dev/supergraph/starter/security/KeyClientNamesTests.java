package dev.supergraph.starter.security;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.supergraph.starter.observability.ClientNames;
import dev.supergraph.starter.testsubgraph.TestRequest;
import dev.supergraph.starter.testsubgraph.TestResponse;
import dev.supergraph.starter.testsubgraph.TestSubgraph;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name of a client of the API key file comes from its key only, over real HTTP at the
 * test subgraph, whose {@code test-flag} targets the clients {@code flag-machine} (which
 * holds a key) and {@code flag-web} (which holds none): a header naming a key client
 * without its key is neither the client of the request's metrics nor targeted as it, on
 * the request thread or through the GraphQL context; the key holder and a client without
 * keys that names itself still are.
 */
class KeyClientNamesTests {

	private final TestSubgraph subgraph = TestSubgraph.running();

	private final String key = this.subgraph.apiKey("flag-machine");

	@Test
	void aHeaderNamingAKeyClientWithoutItsKeyNamesNobody() throws Exception {
		assertThat(clientOf("ImpostorByHeader", (request) -> request.header(ClientNames.HEADER, "flag-machine")))
			.isEqualTo("unknown false false");
		assertThat(clientOf("ImpostorByApolloHeader",
				(request) -> request.header(ClientNames.APOLLO_HEADER, "flag-machine")))
			.isEqualTo("unknown false false");
		assertThat(
				clientOf("ImpostorWithAToken",
						(request) -> request.header(ClientNames.HEADER, "flag-machine")
							.bearer(this.subgraph.token(UUID.randomUUID().toString()))))
			.isEqualTo("unknown false false");
	}

	@Test
	void aHeaderNamingAKeyClientIsPassedOverForTheNextOne() throws Exception {
		assertThat(clientOf("ImpostorThenWeb", (request) -> request.header(ClientNames.HEADER, "flag-machine")
			.header(ClientNames.APOLLO_HEADER, "flag-web"))).isEqualTo("flag-web true true");
	}

	@Test
	void theKeyHolderAndAClientWithoutKeysThatNamesItselfAreNamed() throws Exception {
		assertThat(clientOf("KeyHolder", (request) -> request.apiKey(this.key).header(ClientNames.HEADER, "flag-web")))
			.isEqualTo("flag-machine true true");
		assertThat(clientOf("SelfNamed", (request) -> request.header(ClientNames.HEADER, "flag-web")))
			.isEqualTo("flag-web true true");
	}

	@Test
	void aClientGivenAKeyIsNoLongerNamedByAHeader() throws Exception {
		String client = "late-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(clientOf("BeforeTheKey", (request) -> request.header(ClientNames.HEADER, client)))
			.isEqualTo(client + " false false");
		this.subgraph.apiKey(client);
		assertThat(clientOf("AfterTheKey", (request) -> request.header(ClientNames.HEADER, client)))
			.isEqualTo("unknown false false");
	}

	/**
	 * The request's client label in the subgraph's metrics, and whether {@code test-flag}
	 * was on for it on the request thread and through the GraphQL context.
	 */
	private String clientOf(String operation, UnaryOperator<TestRequest> caller)
			throws IOException, InterruptedException {
		TestResponse response = caller.apply(this.subgraph.request("query " + operation
				+ " { flag(name: \"test-flag\", codedDefault: false) " + "{ onThread inContext } }"))
			.send();
		assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
		JsonNode flag = response.body().path("data").path("flag");
		return labelOf(operation) + " " + flag.path("onThread").asBoolean() + " " + flag.path("inContext").asBoolean();
	}

	private String labelOf(String operation) throws IOException, InterruptedException {
		Pattern client = Pattern.compile("graphql_client_name=\"([^\"]*)\"");
		String scrape = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(this.subgraph.url().resolve("/actuator/prometheus")).build(),
					BodyHandlers.ofString())
			.body();
		return String.join(",",
				scrape.lines()
					.filter((line) -> line.startsWith("graphql_request_seconds_count{"))
					.filter((line) -> line.contains("graphql_operation_name=\"" + operation + "\""))
					.map(client::matcher)
					.filter(Matcher::find)
					.map((matcher) -> matcher.group(1))
					.toList());
	}

}
