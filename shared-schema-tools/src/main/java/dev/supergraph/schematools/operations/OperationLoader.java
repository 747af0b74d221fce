package dev.supergraph.schematools.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.supergraph.schematools.FileProblems;
import dev.supergraph.schematools.SchemaToolsException;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

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
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter((file) -> file.toString().endsWith(".graphql"))
				.sorted()
				.map(OperationLoader::read)
				.toList();
		}
		catch (IOException ex) {
			throw new SchemaToolsException("cannot read operations in " + directory + ": " + FileProblems.reason(ex),
					ex);
		}
	}

	static Operation read(Path file) {
		try {
			Document document = Parser.parse(Files.readString(file));
			return new Operation(name(document, file), file, document);
		}
		catch (IOException ex) {
			throw new SchemaToolsException("cannot read operation " + file + ": " + FileProblems.reason(ex), ex);
		}
		catch (InvalidSyntaxException ex) {
			throw new SchemaToolsException("invalid operation in " + file + ": " + ex.getMessage(), ex);
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
