package dev.supergraph.schematools.baseline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.supergraph.schematools.schema.SchemaLoader;

/**
 * A directory holding the previous versions of the schema files under the same file
 * names, for example an unpacked release.
 */
public final class DirectoryBaseline implements Baseline {

	private final Path directory;

	public DirectoryBaseline(Path directory) {
		this.directory = directory;
	}

	@Override
	public Optional<String> read(Path current) {
		Path file = this.directory.resolve(current.getFileName().toString());
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		SameFile.refuse(file, current);
		return Optional.of(SchemaLoader.read(file));
	}

	@Override
	public String describe() {
		return this.directory.toString();
	}

}
