package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Input field removed: breaking. */
final class InputFieldRemovedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.INPUT_FIELD_REMOVED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.breaking("Inputs that set the field are rejected.");
	}

}
