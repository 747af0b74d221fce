package dev.supergraph.schematools.check;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.supergraph.schematools.SchemaToolsException;
import dev.supergraph.schematools.baseline.Baseline;
import dev.supergraph.schematools.baseline.DirectoryBaseline;
import dev.supergraph.schematools.baseline.FileBaseline;
import dev.supergraph.schematools.git.GitBaseline;

/**
 * Turns a {@code --baseline} argument into a baseline: an existing file or directory,
 * else a git revision.
 */
public final class Baselines {

	private Baselines() {
	}

	public static Baseline resolve(String spec, Path workingDirectory) {
		if (spec.isBlank()) {
			// an empty argument (an unset CI variable) would name the working directory,
			// whose files are the checked ones
			throw new SchemaToolsException("--baseline is empty: give a git revision, a directory or a file");
		}
		Path path = workingDirectory.resolve(spec);
		if (Files.isDirectory(path)) {
			return new DirectoryBaseline(path);
		}
		if (Files.isRegularFile(path)) {
			return new FileBaseline(path);
		}
		return GitBaseline.open(workingDirectory, spec);
	}

}
