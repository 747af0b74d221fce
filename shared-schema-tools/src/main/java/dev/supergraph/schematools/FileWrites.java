package dev.supergraph.schematools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes the tools' files in place (operations, the changelog, client versions), never
 * through a symbolic link: a link in a repository may point anywhere, and CI must not
 * overwrite a file outside the checkout because a link in it says so. The target is
 * written by naming it.
 */
public final class FileWrites {

	private FileWrites() {
	}

	/**
	 * Refuses a symbolic link before anything is written, so that a command that writes
	 * several files writes none.
	 * @param file the file about to be written
	 */
	public static void requireNoLink(Path file) {
		if (Files.isSymbolicLink(file)) {
			throw new SchemaToolsException("refusing to write " + file + ": it is a symbolic link (to " + target(file)
					+ "); give the file it points to instead");
		}
	}

	/** Replaces the text of a file, creating it if it does not exist. */
	public static void write(Path file, String text) {
		write(file, text, StandardOpenOption.TRUNCATE_EXISTING);
	}

	public static void append(Path file, String text) {
		write(file, text, StandardOpenOption.APPEND);
	}

	private static void write(Path file, String text, StandardOpenOption mode) {
		requireNoLink(file);
		try {
			// NOFOLLOW_LINKS: a link that appeared since the check is refused too
			Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode,
					LinkOption.NOFOLLOW_LINKS);
		}
		catch (IOException ex) {
			throw new SchemaToolsException("cannot write " + file + ": " + FileProblems.reason(ex), ex);
		}
	}

	private static String target(Path link) {
		try {
			return Files.readSymbolicLink(link).toString();
		}
		catch (IOException ex) {
			return "an unreadable target";
		}
	}

}
