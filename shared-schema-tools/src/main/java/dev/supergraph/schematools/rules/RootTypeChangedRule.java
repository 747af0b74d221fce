package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Root type changed: breaking. */
final class RootTypeChangedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.ROOT_TYPE_CHANGED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.breaking("Operations are validated against a different root type.");
	}

}
