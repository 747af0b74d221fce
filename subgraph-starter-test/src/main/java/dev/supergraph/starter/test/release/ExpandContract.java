package dev.supergraph.starter.test.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import dev.supergraph.starter.test.TestDatabases;
import dev.supergraph.starter.test.TestDatabases.TestDatabase;
import org.flywaydb.core.Flyway;

/**
 * Rollback safety of a subgraph: the previous release, as recorded in
 * {@code src/test/resources/release/previous-statements.json}, still runs on a fresh
 * database migrated to the newest migrations, and the migrations added since only expand
 * the schema (unless marked as a contract step). A subgraph's test:
 *
 * <pre class="code">
 * ExpandContract release = ExpandContract.forMigrations("db/users");
 *
 * &#064;Test
 * void previousReleaseRunsOnTheNewestSchema() throws Exception {
 *     this.release.assertPreviousReleaseRunsOnTheNewestSchema();
 * }
 * </pre>
 */
public final class ExpandContract {

	static final Path PREVIOUS = Path.of("src/test/resources/release/previous-statements.json");

	private final String location;

	private final Path previous;

	ExpandContract(String location, Path previous) {
		this.location = location;
		this.previous = previous;
	}

	/**
	 * The checks for a subgraph's migrations.
	 * @param location the class path location of its Flyway migrations, e.g.
	 * {@code db/users}
	 * @return the checks
	 */
	public static ExpandContract forMigrations(String location) {
		return new ExpandContract(location, PREVIOUS);
	}

	/**
	 * Run every statement of the previous release on a fresh database migrated to the
	 * newest migrations, and fail with those PostgreSQL refuses.
	 */
	public void assertPreviousReleaseRunsOnTheNewestSchema() throws SQLException {
		List<String> refused = previousReleaseRefused();
		if (!refused.isEmpty()) {
			throw new AssertionError("The previous release (" + this.previous + ") cannot run on the migrations in "
					+ this.location + ": a contract step came too early (docs/migrations.md)\n  "
					+ String.join("\n  ", refused));
		}
	}

	/**
	 * Fail when a migration newer than the previous release's newest one contracts the
	 * schema without being named a contract step.
	 */
	public void assertMigrationsSinceThePreviousReleaseOnlyExpand() throws IOException {
		String boundary = previousRelease().migrationVersion();
		List<String> findings = MigrationLint.findings(this.location, boundary);
		if (!findings.isEmpty()) {
			throw new AssertionError("Migrations after the previous release (version " + boundary
					+ ") must only expand the schema; a contract step is named V<n>" + MigrationLint.CONTRACT_MARK
					+ "<what>.sql and ships once the previous release no longer uses what it removes "
					+ "(docs/migrations.md):\n  " + String.join("\n  ", findings));
		}
	}

	List<String> previousReleaseRefused() throws SQLException {
		return new StatementReplay(migratedDatabase()).refused(previousRelease().statements());
	}

	/** A fresh database of this run, migrated to the newest migrations. */
	TestDatabase migratedDatabase() {
		TestDatabase database = TestDatabases.forName("expand_contract_" + this.location);
		Flyway.configure()
			.dataSource(database.url(), database.username(), database.password())
			.locations("classpath:" + this.location)
			.load()
			.migrate();
		return database;
	}

	private ReleaseStatements previousRelease() {
		if (!Files.exists(this.previous)) {
			throw new AssertionError("No record of the previous release at " + this.previous
					+ ": copy release/statements.json there when a release ships (docs/migrations.md)");
		}
		return ReleaseStatements.read(this.previous);
	}

}
