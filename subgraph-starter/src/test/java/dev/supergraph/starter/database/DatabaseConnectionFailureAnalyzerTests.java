package dev.supergraph.starter.database;

import java.io.IOException;
import java.net.ServerSocket;
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
 * user is unknown or the database does not exist, fails its start with a short report of
 * a real PostgreSQL's answer ({@code SUBGRAPH_TEST_JDBC_URL}, else an embedded server),
 * met as a subgraph's start meets it: Flyway connecting first.
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
