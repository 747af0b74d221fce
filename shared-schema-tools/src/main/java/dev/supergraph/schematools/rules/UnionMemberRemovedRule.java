package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Union member removed: breaking. */
final class UnionMemberRemovedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.UNION_MEMBER_REMOVED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.breaking("Fragments on the removed member no longer validate.");
	}

}
