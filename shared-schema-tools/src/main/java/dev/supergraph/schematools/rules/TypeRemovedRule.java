package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Type removed: breaking. */
final class TypeRemovedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.TYPE_REMOVED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.breaking("Operations that reference the type no longer validate.");
	}

}
