package dev.supergraph.starter.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server tests run against, chosen once per JVM in the order of the
 * design: an explicit JDBC URL from {@code SUBGRAPH_TEST_JDBC_URL}, Testcontainers when
 * Docker is available, otherwise an embedded PostgreSQL. Never "no database".
 *
 * @param adminUrl JDBC URL of a database the tests may create databases from
 * @param username the user name
 * @param password the password
 * @param description how the server was found, for the log
 */
record PostgresServer(String adminUrl, String username, String password, String description) {

	static final String URL_VARIABLE = "SUBGRAPH_TEST_JDBC_URL";

	static PostgresServer find() {
		String url = System.getenv(URL_VARIABLE);
		if (url != null && !url.isBlank()) {
			return new PostgresServer(url, env("SUBGRAPH_TEST_JDBC_USER", "postgres"),
					env("SUBGRAPH_TEST_JDBC_PASSWORD", ""), URL_VARIABLE + " (" + url + ")");
		}
		if (dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
			return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
					"Testcontainers");
		}
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			return new PostgresServer(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
					"embedded PostgreSQL on port " + postgres.getPort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No PostgreSQL for tests: set " + URL_VARIABLE, ex);
		}
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.adminUrl, this.username, this.password);
	}

	/**
	 * The JDBC URL of another database on the same server.
	 * @param database the database name
	 * @return the URL
	 */
	String urlOf(String database) {
		int slash = this.adminUrl.indexOf('/', "jdbc:postgresql://".length());
		int query = this.adminUrl.indexOf('?', slash);
		String parameters = (query >= 0) ? this.adminUrl.substring(query) : "";
		return this.adminUrl.substring(0, slash + 1) + database + parameters;
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		@Nullable String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
