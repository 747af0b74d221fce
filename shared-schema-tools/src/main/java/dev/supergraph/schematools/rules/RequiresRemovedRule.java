package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Requires removed: safe. */
final class RequiresRemovedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.REQUIRES_REMOVED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.safe("Query plans no longer fetch the required fields first.");
	}

}
