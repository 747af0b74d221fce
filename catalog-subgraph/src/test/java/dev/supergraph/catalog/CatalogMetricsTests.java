package dev.supergraph.catalog;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ch.qos.logback.classic.LoggerContext;

import dev.supergraph.starter.test.GraphQlHttpClient;
import dev.supergraph.starter.test.GraphQlHttpClient.Response;
import dev.supergraph.starter.test.PrometheusMetrics;
import dev.supergraph.starter.test.SubgraphTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.metrics.MetricsRepositoryMethodInvocationListener;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's view of a subgraph, scraped over HTTP from its Prometheus endpoint after
 * real requests: latency histograms per operation and client, errors by code, resolver
 * time per {@code Type.field}, DataLoader batch sizes, SQL statements per operation and
 * the document cache's hits.
 */
@SubgraphTest
@TestPropertySource(properties = { "catalog.cache.enabled=false", "subgraph.observability.field-sample-rate=1" })
class CatalogMetricsTests {

	private static final String PRODUCT_PAGE = """
			query ProductPage($first: Int) {
			  products(first: $first) { edges { node { sku name category { name } } } }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	GraphQlHttpClient client;

	@BeforeEach
	void client() {
		this.client = GraphQlHttpClient.forPort(this.port);
	}

	@Test
	void operationsAreTimedInHistogramBucketsPerOperationAndClient() {
		double before = scrape().sum("graphql_request_seconds_count", "graphql_operation_name", "ProductPage",
				"graphql_client_name", "web-shop");
		productPage("web-shop");
		productPage("web-shop");
		PrometheusMetrics metrics = scrape();
		assertThat(metrics.sum("graphql_request_seconds_count", "graphql_operation_name", "ProductPage",
				"graphql_client_name", "web-shop"))
			.isEqualTo(before + 2);
		assertThat(metrics.matching("graphql_request_seconds_bucket", "graphql_operation_name", "ProductPage",
				"graphql_client_name", "web-shop", "le", "+Inf"))
			.singleElement()
			.satisfies((bucket) -> assertThat(bucket.value()).isEqualTo(before + 2));
		assertThat(metrics.matching("graphql_request_seconds_bucket", "graphql_operation_name", "ProductPage"))
			.hasSizeGreaterThan(5);
	}

	@Test
	void aRequestWithoutClientNameIsCountedAsUnknown() {
		this.client.postWithHeaders("query CategoryNames { categories { name } }", Map.of(), Map.of());
		assertThat(scrape().sum("graphql_request_seconds_count", "graphql_operation_name", "CategoryNames",
				"graphql_client_name", "unknown"))
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void clientNamesBecomeLabelsOnlyUpToTheBound() {
		// the client name the other tests use is one of the first, whichever test runs
		// first
		productPage("web-shop");
		for (int index = 0; index < 105; index++) {
			this.client.postWithHeaders("query CategoryNames { categories { name } }", Map.of(),
					Map.of("graphql-client-name", "client-" + index));
		}
		Set<String> clients = scrape().matching("graphql_request_seconds_count")
			.stream()
			.map((sample) -> sample.labels().get("graphql_client_name"))
			.collect(Collectors.toSet());
		assertThat(clients).contains("web-shop", "client-0", "other")
			.doesNotContain("client-104")
			.hasSizeLessThanOrEqualTo(102);
	}

	@Test
	void errorsAreCountedByTheCodeTheClientReceived() {
		Response response = this.client.postWithHeaders("query Misspelled { prodcts { edges { cursor } } }", Map.of(),
				Map.of("graphql-client-name", "web-shop"));
		assertThat(response.firstErrorCode()).isEqualTo("BAD_USER_INPUT");
		assertThat(scrape().sum("graphql_errors_total", "operation", "Misspelled", "client", "web-shop", "code",
				"BAD_USER_INPUT"))
			.isEqualTo(1);
	}

	@Test
	void resolversAreTimedPerTypeAndField() {
		productPage("web-shop");
		PrometheusMetrics metrics = scrape();
		assertThat(metrics.sum("graphql_datafetcher_seconds_count", "graphql_field_name", "Query.products"))
			.isGreaterThanOrEqualTo(1);
		assertThat(metrics.sum("graphql_datafetcher_seconds_count", "graphql_field_name", "Product.category"))
			.isGreaterThanOrEqualTo(5);
	}

	@Test
	void dataLoaderBatchesAreMeasuredBySize() {
		productPage("web-shop");
		PrometheusMetrics metrics = scrape();
		assertThat(metrics.sum("graphql_dataloader_batch_size_count")).isGreaterThanOrEqualTo(1);
		assertThat(metrics.sum("graphql_dataloader_batch_size_sum")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void sqlStatementsAreCountedPerOperation() {
		PrometheusMetrics before = scrape();
		productPage("web-shop");
		PrometheusMetrics after = scrape();
		double requests = after.sum("graphql_operation_sql_statements_count", "operation", "ProductPage")
				- before.sum("graphql_operation_sql_statements_count", "operation", "ProductPage");
		double statements = after.sum("graphql_operation_sql_statements_sum", "operation", "ProductPage")
				- before.sum("graphql_operation_sql_statements_sum", "operation", "ProductPage");
		assertThat(requests).isEqualTo(1);
		// the products page and one batch of categories (CatalogBatchingTests)
		assertThat(statements).isEqualTo(2);
	}

	@Test
	void repeatedDocumentsAreDocumentCacheHits() {
		productPage("web-shop");
		double hits = scrape().sum("cache_gets_total", "cache", "graphql.documents", "result", "hit");
		productPage("web-shop");
		assertThat(scrape().sum("cache_gets_total", "cache", "graphql.documents", "result", "hit")).isEqualTo(hits + 1);
	}

	private void productPage(String clientName) {
		Response response = this.client.postWithHeaders(PRODUCT_PAGE, Map.of("first", 5),
				Map.of("graphql-client-name", clientName));
		assertThat(response.data().path("products").path("edges").size()).isEqualTo(5);
	}

	/**
	 * No meter sits on the path of every log-level check (Micrometer's log event counter
	 * is a logback turbo filter that each isDebugEnabled() of every library passes
	 * through), and Spring Data's per-call repository timer is not there either.
	 */
	@Test
	void noMeterIsPaidOnEveryLogCheckOrRepositoryCall() {
		productPage("web-shop");
		assertThat(this.context.getBeanNamesForType(MetricsRepositoryMethodInvocationListener.class)).isEmpty();
		assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList()).isEmpty();
		PrometheusMetrics metrics = scrape();
		assertThat(metrics.exposes("graphql_request_seconds")).isTrue();
		assertThat(metrics.exposes("logback_events")).isFalse();
	}

	private PrometheusMetrics scrape() {
		return PrometheusMetrics.scrape("http://127.0.0.1:" + this.port + "/actuator/prometheus");
	}

}
