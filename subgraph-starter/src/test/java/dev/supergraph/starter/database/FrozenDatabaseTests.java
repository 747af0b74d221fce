package dev.supergraph.starter.database;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.supergraph.starter.limits.LimitsProperties;
import dev.supergraph.starter.testsubgraph.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that stops answering in the middle of a statement (frozen, or cut off by the
 * network without a reset) fails the request within the driver's socket timeout as
 * {@code SERVICE_UNAVAILABLE}, read or transaction, instead of holding a request thread
 * until the database answers again; and the pool serves the next request once it does.
 * Real PostgreSQL ({@code SUBGRAPH_TEST_JDBC_URL}, else embedded) behind a
 * {@link FreezingProxy}, over real HTTP.
 */
class FrozenDatabaseTests {

	/**
	 * Short, so the test is; set in the URL, which takes precedence over the starter's
	 * default (asserted on its own).
	 */
	private static final int SOCKET_TIMEOUT_SECONDS = 2;

	private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(.*)");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static FreezingProxy proxy;

	private static ConfigurableApplicationContext subgraph;

	private static URI url;

	@BeforeAll
	static void start() throws IOException {
		Matcher database = JDBC_URL.matcher(TestPostgres.url());
		assertThat(database.matches()).as(TestPostgres.url()).isTrue();
		proxy = new FreezingProxy(database.group(1), Integer.parseInt(database.group(2)));
		String path = database.group(3);
		String throughProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + path
				+ (path.contains("?") ? "&" : "?") + "socketTimeout=" + SOCKET_TIMEOUT_SECONDS;
		subgraph = new SpringApplicationBuilder(DatabaseSubgraphApplication.class).profiles("test")
			.properties("server.port=0", "spring.datasource.url=" + throughProxy,
					"spring.graphql.schema.locations=classpath:graphql-database/", "spring.flyway.enabled=false")
			.run();
		url = URI.create("http://127.0.0.1:" + subgraph.getEnvironment().getProperty("local.server.port") + "/graphql");
	}

	@AfterAll
	static void stop() throws IOException {
		subgraph.close();
		proxy.close();
	}

	@AfterEach
	void resume() {
		proxy.resume();
	}

	@Test
	void aReadFailsWithinTheSocketTimeoutAndTheNextIsServedOnceTheDatabaseAnswers() {
		assertFailsFastThenIsServedAgain("{ databaseTime }", "databaseTime");
	}

	@Test
	void aTransactionFailsWithinTheSocketTimeoutAndTheNextIsServedOnceTheDatabaseAnswers() {
		assertFailsFastThenIsServedAgain("mutation { databaseTimeInTransaction }", "databaseTimeInTransaction");
	}

	@Test
	void aTransactionThatGetsNoConnectionFailsWithinThePoolTimeout() throws InterruptedException {
		String document = "mutation { databaseTimeInTransaction }";
		assertServed(send(document), "databaseTimeInTransaction");
		// idle long enough that the pool checks a connection before it lends it
		Thread.sleep(600);
		proxy.freeze();
		long started = System.nanoTime();
		JsonNode failed = send(document);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered after")
			.isLessThan(Duration.ofSeconds(6));
		assertServiceUnavailable(failed, "databaseTimeInTransaction");
		proxy.resume();
		assertServed(send(document), "databaseTimeInTransaction");
	}

	@Test
	void theStartersDefaultsBoundEveryWaitForTheDatabase() throws SQLException {
		Properties driver = subgraph.getBean(DataSource.class).unwrap(HikariDataSource.class).getDataSourceProperties();
		assertThat(driver.getProperty("tcpKeepAlive")).isEqualTo("true");
		Duration socketTimeout = Duration.ofSeconds(Long.parseLong(driver.getProperty("socketTimeout")));
		Matcher statementTimeout = Pattern.compile("statement_timeout=(\\d+)").matcher(driver.getProperty("options"));
		assertThat(statementTimeout.find()).isTrue();
		assertThat(socketTimeout).as("longer than any statement PostgreSQL ends itself, and than a request")
			.isGreaterThan(Duration.ofMillis(Long.parseLong(statementTimeout.group(1))))
			.isGreaterThan(subgraph.getBean(LimitsProperties.class).timeout())
			.isLessThanOrEqualTo(Duration.ofSeconds(15));
	}

	private static void assertFailsFastThenIsServedAgain(String document, String field) {
		assertServed(send(document), field);
		proxy.freezeAfterSending(DatabaseSubgraphApplication.STATEMENT);
		long started = System.nanoTime();
		JsonNode failed = send(document);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered after")
			.isLessThan(Duration.ofSeconds(SOCKET_TIMEOUT_SECONDS + 3));
		assertServiceUnavailable(failed, field);
		proxy.resume();
		assertServed(send(document), field);
	}

	private static void assertServiceUnavailable(JsonNode response, String field) {
		assertThat(response.path("data").path(field).isNull()).as(response.toString()).isTrue();
		assertThat(
				response.path("errors").valueStream().map((error) -> error.path("extensions").path("code").asString()))
			.as(response.toString())
			.containsExactly("SERVICE_UNAVAILABLE");
	}

	private static void assertServed(JsonNode response, String field) {
		assertThat(response.path("errors").isMissingNode()).as(response.toString()).isTrue();
		assertThat(response.path("data").path(field).asString()).matches("\\d{4}-\\d\\d-\\d\\d .*");
	}

	/** Sends a document; a request still unanswered after 30 s fails the test. */
	private static JsonNode send(String document) {
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(Map.of("query", document))))
			.build();
		try {
			return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
		}
		catch (IOException ex) {
			throw new AssertionError("no answer: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
