package dev.supergraph.schematools.federation;

import java.util.List;

import dev.supergraph.schematools.diff.Change;
import dev.supergraph.schematools.diff.ChangeKind;

/**
 * Compares the values of a repeatable directive (such as each {@code @key}'s fields) as
 * sets.
 */
final class Presence {

	private Presence() {
	}

	static void compare(String coordinate, List<String> before, List<String> after, ChangeKind removed,
			ChangeKind added, List<Change> changes) {
		before.stream()
			.filter((value) -> !after.contains(value))
			.forEach((value) -> changes.add(Change.changed(removed, coordinate, value, null)));
		after.stream()
			.filter((value) -> !before.contains(value))
			.forEach((value) -> changes.add(Change.changed(added, coordinate, null, value)));
	}

}
