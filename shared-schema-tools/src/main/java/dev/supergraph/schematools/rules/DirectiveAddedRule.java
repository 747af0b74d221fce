package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Directive added: safe. */
final class DirectiveAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.DIRECTIVE_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.safe("Adding a directive cannot affect existing operations.");
	}

}
