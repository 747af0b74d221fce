package dev.supergraph.schematools.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.supergraph.schematools.DocumentParser;
import dev.supergraph.schematools.FileProblems;
import dev.supergraph.schematools.SchemaToolsException;
import graphql.language.Document;
import graphql.language.OperationDefinition;

/** Reads every {@code .graphql} file under a directory as trusted client operations. */
public final class OperationLoader {

	private OperationLoader() {
	}

	public static List<Operation> load(Path directory) {
		if (!Files.isDirectory(directory)) {
			throw new SchemaToolsException(Files.exists(directory)
					? "operations directory " + directory + " is a file: give the directory that holds the operations"
					: "operations directory not found: " + directory);
		}
		try {
			// a walk does not enter a linked directory, not even the one it starts at:
			// walk
			// its target, and name the files under the directory as given
			Path start = directory.toRealPath();
			try (Stream<Path> files = Files.walk(start)) {
				return files.filter((file) -> file.toString().endsWith(".graphql") && !Files.isDirectory(file))
					.map((file) -> directory.resolve(start.relativize(file)))
					.sorted()
					.map(OperationLoader::read)
					.toList();
			}
		}
		catch (IOException ex) {
			throw new SchemaToolsException("cannot read operations in " + directory + ": " + FileProblems.reason(ex),
					ex);
		}
		catch (UncheckedIOException ex) {
			// a subdirectory the walk cannot enter
			throw new SchemaToolsException(
					"cannot read operations in " + directory + ": " + FileProblems.reason(ex.getCause()), ex);
		}
	}

	static Operation read(Path file) {
		Document document = DocumentParser.operations(text(file), file.toString());
		return new Operation(name(document, file), file, document);
	}

	private static String text(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new SchemaToolsException("cannot read operation " + file + ": " + FileProblems.reason(ex), ex);
		}
	}

	private static String name(Document document, Path file) {
		String names = document.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.map(OperationDefinition::getName)
			.filter(Objects::nonNull)
			.collect(Collectors.joining(", "));
		return names.isEmpty() ? file.getFileName().toString() : names;
	}

}
