package dev.supergraph.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real key tool ({@code scripts/api-keys.mjs}) on the supergraph's key file, so
 * the tests prove that router and subgraphs accept what operators create with it.
 */
public final class ApiKeyTool {

	private final Path file;

	ApiKeyTool(Path file) {
		this.file = file;
	}

	static Path newKeyFile() {
		try {
			Path directory = Files.createTempDirectory("supergraph-api-keys");
			Path file = directory.resolve("api-keys.json");
			Files.writeString(file, "{\"keys\": []}\n");
			file.toFile().deleteOnExit();
			directory.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Create a key.
	 * @param client the machine client's name
	 * @param scopes its scopes
	 * @return the key
	 */
	public String create(String client, String... scopes) {
		List<String> arguments = new ArrayList<>(List.of("create", "--client", client));
		for (String scope : scopes) {
			arguments.addAll(List.of("--scope", scope));
		}
		return run(arguments);
	}

	/**
	 * Revoke a key.
	 * @param key the key
	 */
	public void revoke(String key) {
		run(List.of("revoke", key.split("_")[1]));
	}

	private synchronized String run(List<String> arguments) {
		List<String> command = new ArrayList<>(List.of("node", "scripts/api-keys.mjs"));
		command.addAll(arguments);
		command.addAll(List.of("--file", this.file.toAbsolutePath().toString()));
		try {
			Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("api-keys.mjs " + arguments.get(0) + " failed");
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
