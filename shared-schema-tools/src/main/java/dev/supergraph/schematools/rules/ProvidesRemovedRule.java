package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Provides removed: dangerous. */
final class ProvidesRemovedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.PROVIDES_REMOVED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.dangerous("Query plans lose a shortcut and make extra subgraph calls.");
	}

}
