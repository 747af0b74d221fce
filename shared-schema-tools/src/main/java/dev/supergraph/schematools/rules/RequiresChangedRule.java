package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Requires changed: dangerous. */
final class RequiresChangedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.REQUIRES_CHANGED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification
			.dangerous("Query plans fetch different fields first; the other subgraph must still provide them.");
	}

}
