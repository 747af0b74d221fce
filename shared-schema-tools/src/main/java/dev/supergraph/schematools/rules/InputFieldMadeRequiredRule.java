package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Non-null input field lost its default (now required): breaking. */
final class InputFieldMadeRequiredRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.INPUT_FIELD_MADE_REQUIRED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.breaking("Inputs that omit the field are rejected.");
	}

}
