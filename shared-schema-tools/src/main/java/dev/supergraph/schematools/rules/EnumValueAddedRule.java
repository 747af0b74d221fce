package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Enum value added: dangerous. */
final class EnumValueAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.ENUM_VALUE_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.dangerous("Clients that switch over the enum may not handle the new value.");
	}

}
