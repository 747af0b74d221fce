package dev.supergraph.schematools.baseline;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The previous version of schema files, to compare the working tree's versions against.
 */
public interface Baseline {

	/**
	 * The baseline's content of the file that is now at {@code current}, or empty when
	 * the baseline has no such file (a schema that is new in this change).
	 */
	Optional<String> read(Path current);

	/** Where the baseline comes from, for messages ({@code git HEAD~1}, a directory). */
	String describe();

}
