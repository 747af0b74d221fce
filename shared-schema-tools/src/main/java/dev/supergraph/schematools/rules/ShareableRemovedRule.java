package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Shareable removed: breaking. */
final class ShareableRemovedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.SHAREABLE_REMOVED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.breaking("Composition fails while another subgraph also resolves the field.");
	}

}
