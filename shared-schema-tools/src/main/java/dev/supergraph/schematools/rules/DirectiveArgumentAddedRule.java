package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Directive argument added: safe. */
final class DirectiveArgumentAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.DIRECTIVE_ARGUMENT_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.safe("A new optional directive argument cannot affect existing uses.");
	}

}
