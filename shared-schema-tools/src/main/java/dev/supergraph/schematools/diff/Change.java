package dev.supergraph.schematools.diff;

import org.jspecify.annotations.Nullable;

/**
 * One difference between two schemas, found by the diff engine and not yet classified.
 *
 * @param kind what changed
 * @param coordinate the schema coordinate of the changed element ({@code Type},
 * {@code Type.field}, {@code Type.field(arg:)}, {@code Enum.VALUE}, {@code @directive})
 * @param usage the coordinate an operation must use to be affected by the change, for
 * example the field for a required argument added to it, or the enum for a value removed
 * from it
 * @param before the element's relevant value before the change (a type, a default, a
 * reason)
 * @param after the element's relevant value after the change
 */
public record Change(ChangeKind kind, String coordinate, String usage, @Nullable String before,
		@Nullable String after) {

	public static Change of(ChangeKind kind, String coordinate) {
		return new Change(kind, coordinate, coordinate, null, null);
	}

	public static Change of(ChangeKind kind, String coordinate, String usage) {
		return new Change(kind, coordinate, usage, null, null);
	}

	public static Change changed(ChangeKind kind, String coordinate, @Nullable String before, @Nullable String after) {
		return new Change(kind, coordinate, coordinate, before, after);
	}

	private String values() {
		if (this.before != null && this.after != null) {
			return " (" + this.before + " -> " + this.after + ")";
		}
		if (this.before != null) {
			return " (was " + this.before + ")";
		}
		return (this.after != null) ? " (now " + this.after + ")" : "";
	}

	/** A one-line human description, such as {@code FIELD_REMOVED Query.legacy}. */
	public String summary() {
		return this.kind + " " + this.coordinate + values();
	}

}
