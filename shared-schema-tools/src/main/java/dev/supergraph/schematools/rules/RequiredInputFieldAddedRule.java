package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Required input field added: breaking. */
final class RequiredInputFieldAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.REQUIRED_INPUT_FIELD_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.breaking("Existing inputs do not provide the new required field.");
	}

}
