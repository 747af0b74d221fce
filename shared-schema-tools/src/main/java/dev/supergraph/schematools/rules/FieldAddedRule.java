package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Field added: safe. */
final class FieldAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.FIELD_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.safe("Adding a field cannot affect existing operations.");
	}

}
