package dev.supergraph.schematools.git;

import java.nio.file.Path;
import java.util.Optional;

import dev.supergraph.schematools.SchemaToolsException;
import dev.supergraph.schematools.baseline.Baseline;

/**
 * The schema files as they are at a git revision (a commit, branch, tag or
 * {@code HEAD~1}) of the repository that contains the working directory.
 */
public final class GitBaseline implements Baseline {

	private final Git git;

	private final Path root;

	private final String revision;

	private GitBaseline(Git git, Path root, String revision) {
		this.git = git;
		this.root = root;
		this.revision = revision;
	}

	/**
	 * Opens the revision, failing with a clear message if it is unknown or not in a
	 * repository.
	 */
	public static GitBaseline open(Path workingDirectory, String revision) {
		Git git = new Git(workingDirectory);
		Git.Result toplevel = git.run("rev-parse", "--show-toplevel");
		if (!toplevel.ok()) {
			throw new SchemaToolsException("baseline '" + revision + "' is neither a file nor a directory, and "
					+ workingDirectory + " is not inside a git repository");
		}
		if (!git.run("rev-parse", "--verify", "--quiet", revision + "^{commit}").ok()) {
			throw new SchemaToolsException("unknown git revision '" + revision + "' (and no such file or directory)");
		}
		Path root = RealPaths.of(Path.of(toplevel.output().strip()));
		return new GitBaseline(new Git(root), root, revision);
	}

	@Override
	public Optional<String> read(Path current) {
		Path real = RealPaths.of(current);
		if (!real.startsWith(this.root)) {
			// no revision of this repository can hold it: "new, not compared" would let
			// every change pass
			throw new SchemaToolsException(current + " is outside the git repository " + this.root + " of baseline '"
					+ this.revision + "': a git baseline compares files of that repository only");
		}
		String relative = this.root.relativize(real).toString().replace('\\', '/');
		String object = this.revision + ":" + relative;
		Git.Result shown = this.git.run("show", object);
		if (shown.ok()) {
			return Optional.of(shown.output());
		}
		if (!this.git.run("rev-parse", "--verify", "--quiet", object).ok()) {
			return Optional.empty();
		}
		// the file is there but git cannot read it (a missing object, a broken
		// repository): "new, not compared" would let every change pass
		throw new SchemaToolsException("cannot read " + relative + " at baseline '" + this.revision + "': "
				+ shown.error().lines().findFirst().orElse("git show failed"));
	}

	@Override
	public String describe() {
		return "git " + this.revision;
	}

}
