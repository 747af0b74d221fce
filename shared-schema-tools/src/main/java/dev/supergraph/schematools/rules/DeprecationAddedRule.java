package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Deprecation added: safe. */
final class DeprecationAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.DEPRECATION_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.safe("Deprecation only warns clients; the element keeps working.");
	}

}
