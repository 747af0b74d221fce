package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Input field default changed: dangerous. */
final class InputFieldDefaultChangedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.INPUT_FIELD_DEFAULT_CHANGED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.dangerous("Inputs that omit the field are handled differently.");
	}

}
