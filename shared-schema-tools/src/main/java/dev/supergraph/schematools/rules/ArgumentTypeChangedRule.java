package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Argument type changed: safe when the input type rules allow it, otherwise breaking. */
final class ArgumentTypeChangedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.ARGUMENT_TYPE_CHANGED;
	}

	@Override
	public Classification classify(Change change) {
		if (change.before() != null && change.after() != null
				&& TypeVariance.isSafeInputChange(change.before(), change.after())) {
			return Classification
				.safe("An argument type may only lose non-null: every value clients send stays valid.");
		}
		return Classification.breaking("Values that clients send for the argument may no longer be valid.");
	}

}
