package dev.supergraph.schematools.baseline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.supergraph.schematools.SchemaToolsException;

/**
 * A baseline file that is the checked file itself (the working tree's directory given as
 * the baseline directory, the same file twice, a link to it) compares a schema with
 * itself: every change would pass unseen, so it is an input error.
 */
final class SameFile {

	private SameFile() {
	}

	static void refuse(Path baseline, Path current) {
		if (isSame(baseline, current)) {
			throw new SchemaToolsException("the baseline " + baseline + " is the checked file " + current
					+ " itself: give the previous version (a git revision, or another directory or file)");
		}
	}

	private static boolean isSame(Path baseline, Path current) {
		try {
			return Files.exists(current) && Files.isSameFile(baseline, current);
		}
		catch (IOException ex) {
			// unreadable files are reported when they are read
			return false;
		}
	}

}
