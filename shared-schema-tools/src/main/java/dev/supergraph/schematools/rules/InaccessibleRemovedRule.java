package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Inaccessible removed: safe. */
final class InaccessibleRemovedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.INACCESSIBLE_REMOVED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.safe("The element appears in the API schema; existing operations are unaffected.");
	}

}
