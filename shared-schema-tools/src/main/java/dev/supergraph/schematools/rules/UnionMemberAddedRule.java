package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Union member added: dangerous. */
final class UnionMemberAddedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.UNION_MEMBER_ADDED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.dangerous("Clients that switch over the union's members may not handle the new one.");
	}

}
