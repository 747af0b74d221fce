package dev.supergraph.inventory;

import dev.supergraph.starter.test.release.ExpandContract;
import org.junit.jupiter.api.Test;

/**
 * The previous inventory release (src/test/resources/release/previous-statements.json)
 * runs on the newest migrations, so a rollback needs no database restore
 * (docs/migrations.md).
 */
class ExpandContractTests {

	ExpandContract release = ExpandContract.forMigrations("db/inventory");

	@Test
	void previousReleaseRunsOnTheNewestSchema() throws Exception {
		this.release.assertPreviousReleaseRunsOnTheNewestSchema();
	}

	@Test
	void migrationsSinceThePreviousReleaseOnlyExpand() throws Exception {
		this.release.assertMigrationsSinceThePreviousReleaseOnlyExpand();
	}

}
