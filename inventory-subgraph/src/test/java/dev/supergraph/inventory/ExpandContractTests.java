package dev.supergraph.inventory;

import dev.supergraph.starter.test.release.ExpandContractRules;

/**
 * The previous inventory release (src/test/resources/release/previous-statements.json)
 * runs on the newest migrations, so a rollback needs no database restore
 * (docs/migrations.md).
 */
class ExpandContractTests extends ExpandContractRules {

	ExpandContractTests() {
		super("db/inventory");
	}

}
