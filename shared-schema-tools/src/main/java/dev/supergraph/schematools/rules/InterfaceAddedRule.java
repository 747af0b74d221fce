package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Interface added: dangerous. */
final class InterfaceAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.INTERFACE_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification
			.dangerous("Clients that switch over the interface's implementations may not handle the type.");
	}

}
