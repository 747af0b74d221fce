package dev.supergraph.schematools.git;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Resolves symbolic links so that paths inside a repository relativize against its root.
 */
final class RealPaths {

	private RealPaths() {
	}

	static Path of(Path path) {
		try {
			return path.toRealPath();
		}
		catch (IOException ex) {
			return path.toAbsolutePath().normalize();
		}
	}

}
