package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Requires added: dangerous. */
final class RequiresAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.REQUIRES_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.dangerous(
				"Query plans fetch the required fields first: more load, and a new dependency on their subgraph.");
	}

}
