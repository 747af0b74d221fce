package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Provides added: safe. */
final class ProvidesAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.PROVIDES_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.safe("Query plans may take a shortcut; existing plans keep working.");
	}

}
