package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** {@code @oneOf} added to an input type: breaking. */
final class OneOfAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.ONE_OF_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification
			.breaking("Inputs must now set exactly one field: values that set several or none are rejected.");
	}

}
