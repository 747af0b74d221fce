package dev.supergraph.gateway.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server started as a separate operating system process on a loopback port, with its
 * output in {@code target/e2e-logs/<name>.log}. Started and stopped by the tests only,
 * and destroyed when the test JVM exits.
 */
public final class ManagedProcess {

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private static final int LOG_TAIL_LINES = 20;

	private static final int FIRST_PORT = 20000;

	private static final int PORTS_BELOW_EPHEMERAL = 12000;

	// From a random place, so that test JVMs running at once rarely try the same ports.
	private static final AtomicInteger nextPort = new AtomicInteger(
			ThreadLocalRandom.current().nextInt(PORTS_BELOW_EPHEMERAL));

	private final String name;

	private final List<String> command;

	private final Map<String, String> environment;

	private final File directory;

	private final int port;

	private final String readyPath;

	private Process process;

	ManagedProcess(String name, List<String> command, Map<String, String> environment, File directory, int port,
			String readyPath) {
		this.name = name;
		this.command = command;
		this.environment = environment;
		this.directory = directory;
		this.port = port;
		this.readyPath = readyPath;
	}

	public String name() {
		return this.name;
	}

	public int port() {
		return this.port;
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/** Start the process; {@link #awaitReady()} waits until it serves. */
	public synchronized void start() {
		try {
			Path log = logFile();
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(this.command).directory(this.directory)
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().putAll(this.environment);
			this.process = builder.start();
			Process started = this.process;
			Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + this.name, ex);
		}
	}

	/**
	 * Wait (at most eight minutes: three JVMs starting at once on a busy 2-core machine
	 * took over three) until the ready path answers 200.
	 */
	public void awaitReady() {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue()
						+ "; the end of target/e2e-logs/" + this.name + ".log:\n" + logTail());
			}
			if (answers()) {
				return;
			}
			sleep(Duration.ofMillis(300));
		}
		throw new IllegalStateException(this.name + " not ready within 8 minutes");
	}

	/** Stop the process and wait until it is gone. */
	public synchronized void stop() {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Send SIGTERM (as Kubernetes does to stop a pod) without waiting. */
	public synchronized void terminate() {
		this.process.destroy();
	}

	/**
	 * Wait for the process to exit.
	 * @param timeout the longest wait
	 * @return whether it exited within the timeout
	 */
	public boolean awaitExit(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Whether the process is running.
	 * @return {@code true} until it exits
	 */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	private boolean answers() {
		try {
			HttpRequest request = HttpRequest.newBuilder(uri(this.readyPath)).timeout(Duration.ofSeconds(2)).build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	// CI prints a failure's message, not the log files it names: the lines that say why
	// go with it.
	private String logTail() {
		try {
			List<String> lines = Files.readAllLines(logFile());
			return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

	private Path logFile() {
		return Path.of("target", "e2e-logs", this.name + ".log");
	}

	/**
	 * A loopback port nothing listens on, below the kernel's ephemeral range (32768 up on
	 * Linux): the outbound connections of the processes the tests start (to PostgreSQL,
	 * Redis, each other, the readiness polls) take ephemeral ports, and one of them
	 * taking a port chosen here before its server listens would stop that server's start.
	 */
	static int freePort() {
		for (int attempt = 0; attempt < PORTS_BELOW_EPHEMERAL; attempt++) {
			int port = FIRST_PORT + Math.floorMod(nextPort.getAndIncrement(), PORTS_BELOW_EPHEMERAL);
			if (bindable(port)) {
				return port;
			}
		}
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean bindable(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
