package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Shareable added: safe. */
final class ShareableAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.SHAREABLE_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.safe("Allowing other subgraphs to resolve the field cannot break composition.");
	}

}
