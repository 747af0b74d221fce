package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Required argument added: breaking. */
final class RequiredArgumentAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.REQUIRED_ARGUMENT_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.breaking("Operations that select the field do not pass the new required argument.");
	}

}
