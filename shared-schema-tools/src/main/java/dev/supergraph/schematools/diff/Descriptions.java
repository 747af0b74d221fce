package dev.supergraph.schematools.diff;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import static dev.supergraph.schematools.diff.ChangeKind.DEPRECATION_ADDED;
import static dev.supergraph.schematools.diff.ChangeKind.DEPRECATION_REASON_CHANGED;
import static dev.supergraph.schematools.diff.ChangeKind.DEPRECATION_REMOVED;
import static dev.supergraph.schematools.diff.ChangeKind.DESCRIPTION_CHANGED;

/** Description and deprecation changes, which every kind of schema element can have. */
final class Descriptions {

	private Descriptions() {
	}

	static void compare(String coordinate, @Nullable String before, @Nullable String after, List<Change> changes) {
		if (!Objects.equals(blankToNull(before), blankToNull(after))) {
			changes.add(Change.changed(DESCRIPTION_CHANGED, coordinate, before, after));
		}
	}

	static void compareDeprecation(String coordinate, @Nullable String before, @Nullable String after,
			List<Change> changes) {
		if (before == null && after != null) {
			changes.add(Change.changed(DEPRECATION_ADDED, coordinate, null, after));
		}
		else if (before != null && after == null) {
			changes.add(Change.changed(DEPRECATION_REMOVED, coordinate, before, null));
		}
		else if (before != null && !before.equals(after)) {
			changes.add(Change.changed(DEPRECATION_REASON_CHANGED, coordinate, before, after));
		}
	}

	/**
	 * The deprecation reason of a deprecated element, or {@code null} when it is not
	 * deprecated.
	 */
	static @Nullable String reason(boolean deprecated, @Nullable String reason) {
		if (!deprecated) {
			return null;
		}
		return (reason != null) ? reason : "";
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
