package dev.supergraph.schematools.baseline;

import java.nio.file.Path;
import java.util.Optional;

import dev.supergraph.schematools.schema.SchemaLoader;

/** A single schema file as the baseline of the one schema being checked. */
public final class FileBaseline implements Baseline {

	private final Path file;

	public FileBaseline(Path file) {
		this.file = file;
	}

	@Override
	public Optional<String> read(Path current) {
		SameFile.refuse(this.file, current);
		return Optional.of(SchemaLoader.read(this.file));
	}

	@Override
	public String describe() {
		return this.file.toString();
	}

}
