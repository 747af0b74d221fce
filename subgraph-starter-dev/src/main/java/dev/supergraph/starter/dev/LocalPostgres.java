package dev.supergraph.starter.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Embedded PostgreSQL servers for processes that run a subgraph's production jar locally
 * ({@code ./run-supergraph}, the benchmark, the image's AOT training run): the jar
 * carries no database, so the database runs beside it. Usage:
 * {@code java -cp <this module's class path> dev.supergraph.starter.dev.LocalPostgres <ports file> <name>...}
 * starts one fresh server per name on a free port, then writes {@code <name> <port>}
 * lines to the ports file (at once, when all are up) and runs until stopped.
 */
public final class LocalPostgres {

	private LocalPostgres() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		if (args.length < 2) {
			System.err.println("usage: LocalPostgres <ports file> <name>...");
			System.exit(2);
		}
		List<EmbeddedPostgres> servers = new ArrayList<>();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.forEach(LocalPostgres::close)));
		StringBuilder ports = new StringBuilder();
		for (int i = 1; i < args.length; i++) {
			EmbeddedPostgres server = EmbeddedPostgres.builder().start();
			servers.add(server);
			ports.append(args[i]).append(' ').append(server.getPort()).append('\n');
		}
		// Written whole in one move, so a reader never sees half of it.
		Path target = Path.of(args[0]);
		Path partial = Files.writeString(target.resolveSibling(target.getFileName() + ".partial"), ports);
		Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		Thread.currentThread().join();
	}

	private static void close(EmbeddedPostgres server) {
		try {
			server.close();
		}
		catch (IOException ex) {
			System.err.println("Could not stop PostgreSQL on port " + server.getPort() + ": " + ex.getMessage());
		}
	}

}
