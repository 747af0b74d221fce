package dev.supergraph.schematools.rules;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/** Field type changed: safe when the output type rules allow it, otherwise breaking. */
final class FieldTypeChangedRule implements ChangeRule {

	@Override
	public ChangeKind kind() {
		return ChangeKind.FIELD_TYPE_CHANGED;
	}

	@Override
	public Classification classify(Change change) {
		if (change.before() != null && change.after() != null
				&& TypeVariance.isSafeOutputChange(change.before(), change.after())) {
			return Classification
				.safe("An output type may only gain non-null: operations already accept every value it can return.");
		}
		return Classification
			.breaking("Clients receive values (null or another type) that their operations do not expect.");
	}

}
