package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Deprecation removed: dangerous. */
final class DeprecationRemovedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.DEPRECATION_REMOVED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.dangerous("Clients that already migrated away may be told the element is fine again.");
	}

}
