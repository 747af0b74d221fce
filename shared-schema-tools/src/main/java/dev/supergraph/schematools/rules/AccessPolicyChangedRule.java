package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Access policy changed: dangerous. */
final class AccessPolicyChangedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.ACCESS_POLICY_CHANGED;
	}

	@Override
	public Classification classify(Change change) {
		return Classification.dangerous(
				"Callers without the new authentication or scopes are denied, or the element is less protected.");
	}

}
