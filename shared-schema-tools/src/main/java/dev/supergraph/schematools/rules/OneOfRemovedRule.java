package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/**
 * {@code @oneOf} removed from an input type: safe, every value clients send stays valid.
 */
final class OneOfRemovedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.ONE_OF_REMOVED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.safe("Every value that set exactly one field stays valid.");
	}

}
