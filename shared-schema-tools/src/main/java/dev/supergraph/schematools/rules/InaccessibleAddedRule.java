package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Inaccessible added: breaking. */
final class InaccessibleAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.INACCESSIBLE_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.breaking("The element disappears from the API schema that clients use.");
	}

}
