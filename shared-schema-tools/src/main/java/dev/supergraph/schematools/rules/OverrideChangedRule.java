package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Override changed: dangerous. */
final class OverrideChangedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.OVERRIDE_CHANGED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.dangerous("Resolution of the field moves between subgraphs.");
	}

}
