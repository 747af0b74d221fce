package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Type kind changed: breaking. */
final class TypeKindChangedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.TYPE_KIND_CHANGED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.breaking("Selections and fragments written for the old kind no longer validate.");
	}

}
