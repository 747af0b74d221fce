package dev.supergraph.schematools.clients;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.supergraph.schematools.SchemaToolsException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The declared client packages. The declaration file is the one place that says which
 * operations a package contains; globs are resolved against its directory.
 */
public final class ClientDeclarations {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final Path directory;

	private final List<ClientPackage> packages;

	private ClientDeclarations(Path directory, List<ClientPackage> packages) {
		this.directory = directory;
		this.packages = packages;
	}

	public static ClientDeclarations load(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new SchemaToolsException(Files.isDirectory(file) ? "clients file " + file + " is a directory"
					: "clients file not found: " + file);
		}
		try {
			Declarations declarations = MAPPER.readValue(file.toFile(), Declarations.class);
			if (declarations.clients() == null || declarations.clients().isEmpty()) {
				throw new SchemaToolsException("clients file declares no client: " + file);
			}
			for (ClientPackage client : declarations.clients()) {
				if (client.name() == null || client.language() == null || client.path() == null
						|| client.operations() == null) {
					throw new SchemaToolsException(
							"every client in " + file + " needs a name, a language, a path and an operations glob");
				}
			}
			return new ClientDeclarations(file.toAbsolutePath().getParent(), declarations.clients());
		}
		catch (MismatchedInputException ex) {
			throw new SchemaToolsException("invalid clients file " + file + ": it must be {\"clients\": [{\"name\", "
					+ "\"language\", \"path\", \"operations\"}, …]}; not so at " + where(ex), ex);
		}
		catch (JacksonException ex) {
			throw new SchemaToolsException("invalid clients file " + file + ": " + ex.getOriginalMessage(), ex);
		}
	}

	/** Where in the file a value has the wrong shape, e.g. {@code clients[0].name}. */
	private static String where(MismatchedInputException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "the top level" : path.toString();
	}

	public List<ClientPackage> packages() {
		return this.packages;
	}

	/** The directory a declared relative path is resolved against. */
	public Path resolve(String relative) {
		return this.directory.resolve(relative).normalize();
	}

	/**
	 * The packages generated from an operation file.
	 * @param operationFile the operation file
	 * @return the names of the packages that contain it, in declaration order
	 */
	public List<String> containing(Path operationFile) {
		// matched relative to the declaration file, so the directory's own name is never
		// read as a pattern
		Path file = this.directory.relativize(operationFile.toAbsolutePath().normalize());
		return this.packages.stream()
			.filter((client) -> FileSystems.getDefault()
				.getPathMatcher("glob:" + Path.of(client.operations()).normalize())
				.matches(file))
			.map(ClientPackage::name)
			.toList();
	}

	private record Declarations(List<ClientPackage> clients) {

	}

}
