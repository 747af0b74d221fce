package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Argument default changed: dangerous. */
final class ArgumentDefaultChangedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.ARGUMENT_DEFAULT_CHANGED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.dangerous("Operations that omit the argument get a different result.");
	}

}
