package dev.supergraph.schematools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the tools' files (operations, the changelog, client versions), never through a
 * symbolic link: a link in a repository may point anywhere, and CI must not overwrite a
 * file outside the checkout because a link in it says so. A file is replaced whole: the
 * text goes to a temporary file next to it, which is then renamed over it, so a command
 * interrupted (Ctrl-C, a full disk) leaves the old file or the new one, never half of
 * one. A command that writes several files writes them together ({@link #writeAll}).
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
		writeAll(Map.of(file, text));
	}

	/**
	 * Replaces the text of several files, all or none: every text is written to its
	 * temporary file first, and only when all are written are they renamed over the old
	 * files, so a failed write (a full disk, a read-only directory) or a link among them
	 * changes none. Renames cannot be undone together: one that fails (something else
	 * changed the directory meanwhile) names the files replaced already.
	 * @param texts the new text of each file, in the order they are replaced
	 */
	public static void writeAll(Map<Path, String> texts) {
		texts.keySet().forEach(FileWrites::requireNoLink);
		Map<Path, Path> staged = new LinkedHashMap<>();
		texts.forEach((file, text) -> staged.put(file, stage(file, text, staged.values())));
		List<Path> replaced = new ArrayList<>();
		staged.forEach((file, temporary) -> {
			try {
				// the rename replaces a link that appeared since the check, never its
				// target
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				staged.values().forEach(FileWrites::deleteQuietly);
				String already = replaced.isEmpty() ? "" : " (replaced already: " + replaced + ")";
				throw new SchemaToolsException("cannot write " + file + ": " + FileProblems.reason(ex) + already, ex);
			}
			replaced.add(file);
		});
	}

	/**
	 * The text in a temporary file next to {@code file}; on a failure the ones staged
	 * before are deleted too.
	 */
	private static Path stage(Path file, String text, Collection<Path> stagedBefore) {
		Path temporary = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
		try {
			// NOFOLLOW_LINKS: a link planted at the temporary name is refused too
			Files.writeString(temporary, text, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS);
			keepPermissions(file, temporary);
			return temporary;
		}
		catch (IOException ex) {
			deleteQuietly(temporary);
			stagedBefore.forEach(FileWrites::deleteQuietly);
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
