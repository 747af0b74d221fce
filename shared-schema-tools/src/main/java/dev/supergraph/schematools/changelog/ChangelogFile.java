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
		FileWrites.requireNoLink(file);
		try {
			String before = Files.exists(file) ? Files.readString(file) : HEADING;
			Files.createDirectories(file.toAbsolutePath().getParent());
			FileWrites.write(file, before + "\n" + entry);
		}
		catch (IOException ex) {
			throw new SchemaToolsException("cannot write changelog " + file + ": " + FileProblems.reason(ex), ex);
		}
	}

}
