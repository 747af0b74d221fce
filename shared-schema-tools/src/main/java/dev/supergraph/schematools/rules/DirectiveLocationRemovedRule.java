package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Directive location removed: breaking. */
final class DirectiveLocationRemovedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.DIRECTIVE_LOCATION_REMOVED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.breaking("Uses of the directive at the removed location no longer validate.");
	}

}
