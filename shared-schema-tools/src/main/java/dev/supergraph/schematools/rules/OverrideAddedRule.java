package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Override added: dangerous. */
final class OverrideAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.OVERRIDE_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.dangerous("Resolution of the field moves to this subgraph; results must stay the same.");
	}

}
