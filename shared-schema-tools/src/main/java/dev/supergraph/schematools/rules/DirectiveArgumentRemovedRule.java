package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Directive argument removed: breaking. */
final class DirectiveArgumentRemovedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.DIRECTIVE_ARGUMENT_REMOVED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.breaking("Uses of the directive that pass the argument no longer validate.");
	}

}
