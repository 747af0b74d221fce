package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Required directive argument added: breaking. */
final class RequiredDirectiveArgumentAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.REQUIRED_DIRECTIVE_ARGUMENT_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.breaking("Existing uses of the directive do not pass the new required argument.");
	}

}
