package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Tag removed: dangerous. */
final class TagRemovedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.TAG_REMOVED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.dangerous(
				"A contract schema that includes elements by tag may lose the element, one that excludes them may gain it.");
	}

}
