package dev.supergraph.schematools.changelog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.supergraph.schematools.FileProblems;
import dev.supergraph.schematools.FileWrites;
import dev.supergraph.schematools.SchemaToolsException;

/**
 * Appends entries to the schema changelog, creating it with a heading when it does not
 * exist. The changelog is read first and replaced whole ({@link FileWrites}): one that
 * cannot be read is left as it was.
 */
public final class ChangelogFile {

	static final String HEADING = "# Schema changelog\n\nOne entry per schema change set, newest last, written by"
			+ " `schema-tools changelog`.\n";

	private ChangelogFile() {
	}

	public static void append(Path file, String entry) {
		FileWrites.write(file, appended(file, entry));
	}

	/**
	 * The changelog's text with the entry appended, for a command that writes it together
	 * with other files ({@link FileWrites#writeAll}); its directory is created if
	 * missing.
	 * @param file the changelog
	 * @param entry the entry to append
	 * @return the whole new text
	 */
	public static String appended(Path file, String entry) {
		FileWrites.requireNoLink(file);
		try {
			String before = Files.exists(file) ? Files.readString(file) : HEADING;
			Files.createDirectories(file.toAbsolutePath().getParent());
			return before + "\n" + entry;
		}
		catch (IOException ex) {
			throw new SchemaToolsException("cannot write changelog " + file + ": " + FileProblems.reason(ex), ex);
		}
	}

}
