package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Directive removed: breaking. */
final class DirectiveRemovedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.DIRECTIVE_REMOVED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.breaking("Operations that use the directive no longer validate.");
	}

}
