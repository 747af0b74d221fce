package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Key removed: breaking. */
final class KeyRemovedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.KEY_REMOVED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification
			.breaking("Subgraphs and query plans that reference the entity by this key can no longer resolve it.");
	}

}
