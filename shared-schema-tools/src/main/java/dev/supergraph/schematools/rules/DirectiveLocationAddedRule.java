package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Directive location added: safe. */
final class DirectiveLocationAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.DIRECTIVE_LOCATION_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.safe("A new location cannot affect existing uses.");
	}

}
