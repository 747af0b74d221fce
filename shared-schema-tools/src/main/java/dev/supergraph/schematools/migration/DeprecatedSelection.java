package dev.supergraph.schematools.migration;

import org.jspecify.annotations.Nullable;

/**
 * A selection of a deprecated field that names its replacement.
 *
 * @param file the operation file
 * @param operation the operation's name
 * @param line the line of the selection (1-based)
 * @param column the column of the selection (1-based), where its alias or name starts
 * @param coordinate the deprecated field, {@code Type.field}
 * @param alias the selection's alias, {@code null} when it has none
 * @param replacement the replacement field
 * @param refusal why the selection cannot be rewritten, {@code null} when it can
 */
public record DeprecatedSelection(String file, String operation, int line, int column, String coordinate,
		@Nullable String alias, String replacement, @Nullable String refusal) {

	public String field() {
		return this.coordinate.substring(this.coordinate.indexOf('.') + 1);
	}

	/** The selection's text after the rewrite; the result key stays the same. */
	public String rewritten() {
		return ((this.alias != null) ? this.alias : field()) + ": " + this.replacement;
	}

}
