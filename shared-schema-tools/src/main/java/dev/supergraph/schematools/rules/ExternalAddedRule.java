package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** External added: dangerous. */
final class ExternalAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.EXTERNAL_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification
			.dangerous("The field must now be resolved by another subgraph; composition fails if none does.");
	}

}
