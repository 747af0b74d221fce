package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Override removed: dangerous. */
final class OverrideRemovedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.OVERRIDE_REMOVED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification
			.dangerous("Resolution of the field moves back; composition fails if the original subgraph dropped it.");
	}

}
