package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Provides changed: dangerous. */
final class ProvidesChangedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.PROVIDES_CHANGED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.dangerous("Query plans that relied on the provided fields change shape.");
	}

}
