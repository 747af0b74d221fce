package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Description changed: safe. */
final class DescriptionChangedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.DESCRIPTION_CHANGED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.safe("Descriptions do not affect operations.");
	}

}
