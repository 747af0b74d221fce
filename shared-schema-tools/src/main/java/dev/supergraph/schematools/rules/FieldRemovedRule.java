package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Field removed: breaking. */
final class FieldRemovedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.FIELD_REMOVED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.breaking("Operations that select the field no longer validate.");
	}

}
