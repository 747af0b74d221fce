package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Deprecation reason changed: safe. */
final class DeprecationReasonChangedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.DEPRECATION_REASON_CHANGED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification
			.safe("The reason only informs clients; check that the removal date did not move earlier.");
	}

}
