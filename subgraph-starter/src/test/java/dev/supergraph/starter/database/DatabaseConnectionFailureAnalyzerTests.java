package dev.supergraph.starter.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import dev.supergraph.starter.testsubgraph.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A subgraph that cannot connect to its database, because nothing listens at the URL, the
 * user is unknown, the database does not exist or the role has no connection left, fails
 * its start with a short report of a real PostgreSQL's answer
 * ({@code SUBGRAPH_TEST_JDBC_URL}, else an embedded server), met as a subgraph's start
 * meets it: Flyway connecting first. A server that is starting up, shutting down or out
 * of memory answers as {@link RefusingPostgres}.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseConnectionFailureAnalyzerTests {

	private static String url = "";

	@BeforeAll
	static void database() throws IOException {
		url = TestPostgres.url();
	}

	@Test
	void nothingListeningAtTheUrl(CapturedOutput output) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String closed = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
		assertThatException().isThrownBy(() -> start(closed + "?connectTimeout=5"));
		assertReported(output, "cannot connect to its database " + closed + ":",
				"Check spring.datasource.url (SPRING_DATASOURCE_URL): its host and port");
	}

	@Test
	void anUnknownUser(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(withParameter("user", "no_such_role_of_the_tests")));
		assertReported(output, "no_such_role_of_the_tests", "Check spring.datasource.username and");
	}

	@Test
	void aDatabaseThatDoesNotExist(CapturedOutput output) {
		String missing = url.replaceFirst("/(\\w+)(\\?|$)", "/no_such_database_of_the_tests$2");
		assertThatException().isThrownBy(() -> start(missing));
		assertReported(output, "no_such_database_of_the_tests",
				"Create the database, or correct its name in spring.datasource.url");
	}

	@Test
	void noConnectionLeftForTheRole(CapturedOutput output) throws SQLException {
		String role = "one_connection_role_of_the_tests";
		try (Connection admin = DriverManager.getConnection(url)) {
			admin.createStatement().execute("drop role if exists " + role);
			admin.createStatement().execute("create role " + role + " login connection limit 1");
			try (Connection taken = DriverManager.getConnection(withParameter("user", role))) {
				assertThatException().isThrownBy(() -> start(withParameter("user", role)));
			}
			finally {
				admin.createStatement().execute("drop role " + role);
			}
		}
		assertReported(output, "too many connections for role \"" + role + "\"",
				"PostgreSQL allows no more connections (its max_connections, or a CONNECTION LIMIT");
		assertThat(output).contains("spring.datasource.hikari.maximum-pool-size")
			.contains("docs/deployment.md, Connection pools");
	}

	@Test
	void aDatabaseThatIsStartingUp(CapturedOutput output) throws IOException {
		try (RefusingPostgres starting = new RefusingPostgres("57P03", "the database system is starting up")) {
			assertThatException().isThrownBy(() -> start(starting.url()));
		}
		assertReported(output, "the database system is starting up",
				"PostgreSQL is starting up, shutting down or restarting: start the subgraph again");
	}

	@Test
	void aDatabaseThatIsShuttingDown(CapturedOutput output) throws IOException {
		try (RefusingPostgres stopping = new RefusingPostgres("57P03", "the database system is shutting down")) {
			assertThatException().isThrownBy(() -> start(stopping.url()));
		}
		assertReported(output, "the database system is shutting down",
				"PostgreSQL is starting up, shutting down or restarting: start the subgraph again");
	}

	@Test
	void aDatabaseOutOfMemory(CapturedOutput output) throws IOException {
		try (RefusingPostgres starved = new RefusingPostgres("53200", "out of memory")) {
			assertThatException().isThrownBy(() -> start(starved.url()));
		}
		assertReported(output, "out of memory", "PostgreSQL lacks a resource (disk, memory or a configured limit)");
	}

	@Test
	void aUrlThatIsNotAJdbcUrl(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("postgres://app:hunter2@127.0.0.1:5432/orders?sslmode=require"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("spring.datasource.url is not a PostgreSQL JDBC URL: postgres://127.0.0.1:5432/orders")
			.contains("Set it as jdbc:postgresql://<host>:<port>/<database> (SPRING_DATASOURCE_URL)")
			.doesNotContain("hunter2")
			.doesNotContain("sslmode")
			.doesNotContain("\tat ");
	}

	@Test
	void theSameStartWithTheRightSettingsRuns(CapturedOutput output) {
		start(url).close();
		assertThat(output).doesNotContain("APPLICATION FAILED TO START");
	}

	private static void assertReported(CapturedOutput output, String description, String action) {
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The subgraph cannot connect to its database")
			.contains(description)
			.contains("Action:")
			.contains(action)
			.doesNotContain("\tat ")
			.doesNotContain("password=");
	}

	/**
	 * The test database's URL with the query parameter {@code name} set to {@code value}.
	 */
	private static String withParameter(String name, String value) {
		String without = url.replaceAll("([?&])" + name + "=[^&]*&?", "$1").replaceAll("[?&]$", "");
		return without + (without.contains("?") ? "&" : "?") + name + "=" + value;
	}

	private static ConfigurableApplicationContext start(String jdbcUrl) {
		SpringApplication application = new SpringApplication(DatabaseOnly.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("spring.datasource.url", jdbcUrl, "spring.flyway.locations",
				"classpath:db/no-migrations-here", "spring.flyway.fail-on-missing-locations", "false"));
		return application.run();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class })
	static class DatabaseOnly {

	}

}
