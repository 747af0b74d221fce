package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Non-null argument lost its default (now required): breaking. */
final class ArgumentMadeRequiredRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.ARGUMENT_MADE_REQUIRED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification
			.breaking("Operations that select the field without passing the argument no longer validate.");
	}

}
