package dev.supergraph.starter.test.release;

import java.io.IOException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/**
 * The two expand/contract checks of {@link ExpandContract} as tests: a subgraph's
 * {@code ExpandContractTests} extends this with the location of its migrations, so every
 * subgraph runs the same rules (docs/migrations.md).
 */
public abstract class ExpandContractRules {

	private final ExpandContract release;

	/**
	 * The rules for a subgraph's migrations.
	 * @param migrations the Flyway location of the subgraph's migrations, e.g.
	 * {@code db/users}
	 */
	protected ExpandContractRules(String migrations) {
		this.release = ExpandContract.forMigrations(migrations);
	}

	@Test
	public void previousReleaseRunsOnTheNewestSchema() throws SQLException {
		this.release.assertPreviousReleaseRunsOnTheNewestSchema();
	}

	@Test
	public void migrationsSinceThePreviousReleaseOnlyExpand() throws IOException {
		this.release.assertMigrationsSinceThePreviousReleaseOnlyExpand();
	}

}
