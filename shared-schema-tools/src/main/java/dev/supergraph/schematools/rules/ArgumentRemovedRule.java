package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Argument removed: breaking. */
final class ArgumentRemovedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.ARGUMENT_REMOVED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.breaking("Operations that pass the argument no longer validate.");
	}

}
