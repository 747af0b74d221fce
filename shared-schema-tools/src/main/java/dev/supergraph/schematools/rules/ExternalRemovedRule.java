package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** External removed: dangerous. */
final class ExternalRemovedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.EXTERNAL_REMOVED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification
			.dangerous("This subgraph now resolves the field itself; the other resolvers must allow sharing.");
	}

}
