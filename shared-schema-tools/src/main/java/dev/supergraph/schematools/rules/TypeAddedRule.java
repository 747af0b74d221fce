package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Type added: safe. */
final class TypeAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.TYPE_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.safe("Adding a type cannot affect existing operations.");
	}

}
