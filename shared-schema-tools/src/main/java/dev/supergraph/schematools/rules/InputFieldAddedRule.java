package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Input field added: dangerous. */
final class InputFieldAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.INPUT_FIELD_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.dangerous("A new optional input field may change how existing inputs are handled.");
	}

}
