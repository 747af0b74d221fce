package dev.supergraph.starter.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fresh databases for a test run: each name gets its own new database on the test server
 * (so concurrent runs and the subgraphs of one run never see each other's data), dropped
 * when the JVM exits.
 */
public final class TestDatabases {

	private static final Logger logger = LoggerFactory.getLogger(TestDatabases.class);

	private static final Map<String, TestDatabase> databases = new ConcurrentHashMap<>();

	private static volatile PostgresServer server;

	private TestDatabases() {
	}

	/**
	 * The database of this test run for a name, created on first use.
	 * @param name a short name, e.g. the subgraph's {@code spring.application.name}
	 * @return the database
	 */
	public static TestDatabase forName(String name) {
		return databases.computeIfAbsent(name, TestDatabases::create);
	}

	private static TestDatabase create(String name) {
		PostgresServer postgres = server();
		String database = "sg_" + name.replaceAll("[^a-zA-Z0-9]", "_").toLowerCase() + "_"
				+ Long.toString(ProcessHandle.current().pid(), 36) + "_"
				+ Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
		execute(postgres, "CREATE DATABASE " + database);
		Runtime.getRuntime()
			.addShutdownHook(
					new Thread(() -> execute(postgres, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)")));
		logger.info("Test database {} on {}", database, postgres.description());
		return new TestDatabase(database, postgres.urlOf(database), postgres.username(), postgres.password());
	}

	/**
	 * Makes the database of a name refuse new connections and ends the open ones, as a
	 * database that is down does for the subgraph using it; or takes connections again.
	 * @param name the name the database was created for
	 * @param accept whether it takes connections
	 */
	public static void acceptConnections(String name, boolean accept) {
		String database = forName(name).name();
		execute(server(), "ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS " + accept);
		if (!accept) {
			execute(server(), "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
					+ "' AND pid <> pg_backend_pid()");
		}
	}

	private static synchronized PostgresServer server() {
		if (server == null) {
			server = PostgresServer.find();
		}
		return server;
	}

	private static void execute(PostgresServer postgres, String sql) {
		try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare the test database: " + sql, ex);
		}
	}

	/**
	 * Connection settings of one test database.
	 *
	 * @param name the database's name on the server
	 * @param url the JDBC URL
	 * @param username the user name
	 * @param password the password
	 */
	public record TestDatabase(String name, String url, String username, String password) {

		public Map<String, Object> properties() {
			return Map.of("spring.datasource.url", this.url, "spring.datasource.username", this.username,
					"spring.datasource.password", this.password);
		}

	}

}
