package dev.supergraph.starter.testsubgraph;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

/**
 * Real PostgreSQL for the starter's tests: the server of {@code SUBGRAPH_TEST_JDBC_URL}
 * (CI's local one), else an embedded server, started on first use and shared by the test
 * run (it stops itself when the JVM exits).
 */
public final class TestPostgres {

	private static @Nullable String url;

	private TestPostgres() {
	}

	/**
	 * The JDBC URL of database {@code postgres}, with its user (and password) as query
	 * parameters.
	 * @return the URL
	 * @throws IOException when the embedded server cannot start
	 */
	public static synchronized String url() throws IOException {
		if (url == null) {
			String configured = System.getenv("SUBGRAPH_TEST_JDBC_URL");
			url = (configured != null && !configured.isBlank()) ? configured
					: EmbeddedPostgres.builder().start().getJdbcUrl("postgres", "postgres");
		}
		return url;
	}

}
