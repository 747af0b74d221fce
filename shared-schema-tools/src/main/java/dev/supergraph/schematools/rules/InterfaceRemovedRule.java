package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Interface removed: breaking. */
final class InterfaceRemovedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.INTERFACE_REMOVED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification
			.breaking("Fragments that rely on the type implementing the interface no longer validate.");
	}

}
