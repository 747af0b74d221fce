package dev.supergraph.schematools.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.supergraph.schematools.SchemaToolsException;

/** Runs the {@code git} command line in a directory. */
final class Git {

	private final Path directory;

	Git(Path directory) {
		this.directory = directory;
	}

	record Result(int exitCode, String output, String error) {

		boolean ok() {
			return this.exitCode == 0;
		}

	}

	Result run(String... arguments) {
		List<String> command = new ArrayList<>(List.of("git"));
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).directory(this.directory.toFile()).start();
			process.getOutputStream().close();
			byte[] output = process.getInputStream().readAllBytes();
			byte[] error = process.getErrorStream().readAllBytes();
			return new Result(process.waitFor(), new String(output, StandardCharsets.UTF_8),
					new String(error, StandardCharsets.UTF_8).strip());
		}
		catch (IOException ex) {
			throw new SchemaToolsException("cannot run git: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SchemaToolsException("interrupted while running git", ex);
		}
	}

}
