package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Tag added: dangerous. */
final class TagAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.TAG_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.dangerous(
				"A contract schema that includes elements by tag may gain the element, one that excludes them may lose it.");
	}

}
