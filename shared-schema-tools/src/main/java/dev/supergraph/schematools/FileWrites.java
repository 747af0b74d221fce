package dev.supergraph.schematools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes the tools' files (operations, the changelog, client versions), never through a
 * symbolic link: a link in a repository may point anywhere, and CI must not overwrite a
 * file outside the checkout because a link in it says so. A file is replaced whole: the
 * text goes to a temporary file next to it, which is then renamed over it, so a command
 * interrupted (Ctrl-C, a full disk) leaves the old file or the new one, never half of
 * one.
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
		requireNoLink(file);
		Path temporary = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
		try {
			// NOFOLLOW_LINKS: a link planted at the temporary name is refused too
			Files.writeString(temporary, text, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS);
			keepPermissions(file, temporary);
			// the rename replaces a link that appeared since the check, never its target
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			deleteQuietly(temporary);
			throw new SchemaToolsException("cannot write " + file + ": " + FileProblems.reason(ex), ex);
		}
	}

	/** An executable script or a file kept private stays so when it is replaced. */
	private static void keepPermissions(Path file, Path temporary) throws IOException {
		if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
				&& temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
		}
	}

	private static void deleteQuietly(Path temporary) {
		try {
			Files.deleteIfExists(temporary);
		}
		catch (IOException ex) {
			// the write failed already and says so; a temporary file left is named by it
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
