package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Key added: safe. */
final class KeyAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.KEY_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.safe("Another way to reference the entity cannot affect existing references.");
	}

}
