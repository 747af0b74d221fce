package dev.supergraph.catalog;

import dev.supergraph.starter.test.release.ExpandContract;
import org.junit.jupiter.api.Test;

/**
 * The previous catalog release (src/test/resources/release/previous-statements.json) runs
 * on the newest migrations, so a rollback needs no database restore (docs/migrations.md).
 */
class ExpandContractTests {

	ExpandContract release = ExpandContract.forMigrations("db/migration");

	@Test
	void previousReleaseRunsOnTheNewestSchema() throws Exception {
		this.release.assertPreviousReleaseRunsOnTheNewestSchema();
	}

	@Test
	void migrationsSinceThePreviousReleaseOnlyExpand() throws Exception {
		this.release.assertMigrationsSinceThePreviousReleaseOnlyExpand();
	}

}
