package dev.supergraph.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.supergraph.starter.test.GraphQlHttpClient;

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
	 * Create a key and wait until the router and every subgraph accept it: they re-read
	 * the key file about once a second.
	 * @param supergraph the running supergraph
	 * @param client the machine client's name
	 * @param scopes its scopes
	 * @return the key
	 */
	public String createAccepted(Supergraph supergraph, String client, String... scopes) {
		String key = create(client, scopes);
		eventually(() -> supergraph.router().postWithApiKey("{ __typename }", Map.of(), key).status() == 200);
		for (String subgraph : SubgraphRegistry.names()) {
			GraphQlHttpClient direct = supergraph.subgraphClient(subgraph);
			eventually(() -> direct.postWithApiKey("{ __typename }", Map.of(), key).status() == 200);
		}
		return key;
	}

	/**
	 * Wait for a condition, bounded: 15 s, generous for a busy machine.
	 * @param condition the condition
	 */
	public static void eventually(BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("not within 15 s");
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
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
