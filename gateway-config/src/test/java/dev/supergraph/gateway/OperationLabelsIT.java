package dev.supergraph.gateway;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.supergraph.gateway.support.Supergraph;
import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.PrometheusMetrics;
import dev.supergraph.starter.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.supergraph.gateway.ReferenceOperationsIT.document;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client operation carries one name at every hop: the router's subgraph fetches are
 * anonymous, yet each subgraph's metrics, and the SQL per operation on the operator page,
 * name the client's operation and client as the router labels them.
 */
class OperationLabelsIT {

	private static final String CLIENT = "labels-it";

	@Test
	void everySubgraphOfAPlanLabelsTheClientsOperationAndClient() throws IOException, InterruptedException {
		Supergraph supergraph = Supergraph.get();
		// Apollo's header: the router passes its label on as graphql-client-name
		GraphQlHttpClient.Response response = supergraph.router()
			.postWithHeaders(document("UserOrders"), Map.of("userId", "5", "first", 3),
					Map.of("Authorization", "Bearer " + TestTokens.forUser("5"), "apollographql-client-name", CLIENT));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("errors").isMissingNode()).as(response.body()).isTrue();

		for (String subgraph : new String[] { "users", "orders", "catalog" }) {
			PrometheusMetrics metrics = PrometheusMetrics.scrape(supergraph.metricsUrl(subgraph));
			assertThat(metrics.sum("graphql_request_seconds_count", "graphql_operation_name", "UserOrders",
					"graphql_client_name", CLIENT))
				.as(subgraph)
				.isGreaterThanOrEqualTo(1);
			assertThat(metrics.sum("graphql_operation_sql_statements_count", "operation", "UserOrders")).as(subgraph)
				.isGreaterThanOrEqualTo(1);
		}

		HttpResponse<String> ops = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(HttpRequest.newBuilder(supergraph.routerUri("/ops/data")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(ops.statusCode()).isEqualTo(200);
		JsonNode sql = JsonMapper.builder().build().readTree(ops.body()).path("sqlPerOperation");
		assertThat(sql.valueStream()
			.filter((row) -> row.path("operation").asString().equals("UserOrders"))
			.map((row) -> row.path("subgraph").asString())).contains("users", "orders");
	}

}
