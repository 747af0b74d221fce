package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Argument added: dangerous. */
final class ArgumentAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.ARGUMENT_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.dangerous("A new optional argument may change what the resolver returns.");
	}

}
