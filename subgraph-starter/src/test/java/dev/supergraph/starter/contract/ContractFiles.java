package dev.supergraph.starter.contract;

import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared contract files ({@code contract/} at the repository root): the data the
 * router's {@code node --test} suites run as well, so both languages are held to one
 * definition.
 */
public final class ContractFiles {

	private static final JsonMapper json = JsonMapper.builder().build();

	private ContractFiles() {
	}

	/**
	 * A contract file, parsed.
	 * @param name its name in {@code contract/}
	 * @return its content
	 */
	public static JsonNode read(String name) {
		return json.readTree(directory().resolve(name).toFile());
	}

	/**
	 * The contract directory, found from the module being tested upwards.
	 * @return the directory
	 */
	public static Path directory() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve("contract"))) {
				return dir.resolve("contract");
			}
		}
		throw new IllegalStateException("No contract/ directory above " + Path.of("").toAbsolutePath());
	}

}
