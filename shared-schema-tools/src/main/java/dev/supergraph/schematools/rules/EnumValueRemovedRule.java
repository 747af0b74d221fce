package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Enum value removed: breaking. */
final class EnumValueRemovedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.ENUM_VALUE_REMOVED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification
			.breaking("Operations that send the value no longer validate, and clients may still expect it.");
	}

}
