package dev.supergraph.schematools.check;

import java.nio.file.Files;
import java.nio.file.Path;

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
