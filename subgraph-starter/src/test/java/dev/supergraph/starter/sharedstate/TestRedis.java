package dev.supergraph.starter.sharedstate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Redis for tests: the shared one ({@code SUBGRAPH_TEST_REDIS_URL}, default
 * {@code redis://127.0.0.1:6379}), used under a key prefix of its own per test so runs
 * never see each other's keys, or a {@code redis-server} of the test's own that it may
 * stop and start again. The connections of a test's replicas come from its
 * {@link Connections}, which end with the test.
 */
public final class TestRedis {

	private TestRedis() {
	}

	/**
	 * The shared Redis.
	 * @return its URL
	 */
	public static String sharedUrl() {
		String url = System.getenv("SUBGRAPH_TEST_REDIS_URL");
		return (url != null && !url.isBlank()) ? url : "redis://127.0.0.1:6379";
	}

	/**
	 * A key prefix no other test run uses.
	 * @return the prefix
	 */
	public static String ownPrefix() {
		return "test-" + UUID.randomUUID() + ":";
	}

	/**
	 * Connects a replica's connection as a subgraph does before it reports ready.
	 * @param redis the replica's connection
	 */
	public static void connect(SharedRedis redis) {
		redis.connect(Duration.ofSeconds(5));
	}

	/**
	 * Run commands on a Redis with a client of the test's own, as an operator or Redis
	 * itself would (flush it, end its clients' connections), not as a replica.
	 * @param url the Redis
	 * @param commands the commands
	 */
	public static void administer(String url, Consumer<RedisCommands<String, String>> commands) {
		RedisClient client = RedisClient.create(url);
		try (var connection = client.connect()) {
			commands.accept(connection.sync());
		}
		finally {
			client.shutdown();
		}
	}

	/**
	 * Connects once with a patient client: the first connection of a JVM loads Netty and
	 * takes longer than the 250 ms a replica allows its commands (a replica's first calls
	 * would then fail open, as documented, which is not what these tests are about).
	 */
	private static void warmUp(String url) {
		RedisClient client = RedisClient.create(url);
		try (var connection = client.connect()) {
			connection.sync().ping();
		}
		finally {
			client.shutdown();
		}
	}

	/**
	 * The shared-state connections of a test, as the replicas of a subgraph have them,
	 * each with a client of its own; closing ends them all, their clients and the
	 * clients' threads included. A field of the test annotated {@code @AutoClose}.
	 */
	public static final class Connections implements AutoCloseable {

		private final List<Runnable> closings = new ArrayList<>();

		/**
		 * A shared-state connection as one replica of a subgraph has it: its own client,
		 * configured like the starter's (short timeout, commands fail at once while
		 * disconnected, reconnect attempts at most the retry interval apart).
		 * @param url the Redis
		 * @param keyPrefix the key prefix
		 * @param retryInterval how long Redis is left alone after a failure
		 * @param registry where failures are counted
		 * @return the connection, closed with the others
		 */
		public SharedRedis replica(String url, String keyPrefix, Duration retryInterval, MeterRegistry registry) {
			warmUp(url);
			RedisURI uri = RedisURI.create(url);
			uri.setTimeout(Duration.ofMillis(250));
			ClientResources resources = DefaultClientResources.builder()
				.reconnectDelay(ReconnectDelay.upTo(retryInterval))
				.build();
			RedisClient client = RedisClient.create(resources, uri);
			client.setOptions(ClientOptions.builder()
				.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
				.build());
			SharedRedis redis = new SharedRedis(() -> client, new SharedStateProperties(keyPrefix, retryInterval),
					registry, Clock.systemUTC());
			this.closings.add(() -> {
				redis.destroy();
				client.shutdown();
				resources.shutdown().awaitUninterruptibly();
			});
			return redis;
		}

		@Override
		public void close() {
			this.closings.forEach(Runnable::run);
			this.closings.clear();
		}

	}

	/**
	 * A {@code redis-server} of this test's own on a free port, without persistence.
	 */
	public static final class OwnServer implements AutoCloseable {

		private final int port;

		private Process process;

		public OwnServer() {
			this(anyFreePort());
		}

		/**
		 * A server on a given port.
		 * @param port the port, e.g. {@code TestPorts.free()}
		 */
		public OwnServer(int port) {
			this.port = port;
			start();
		}

		public String url() {
			return "redis://127.0.0.1:" + this.port;
		}

		/** Start it (again) and wait until it accepts connections. */
		public void start() {
			try {
				this.process = new ProcessBuilder("redis-server", "--port", String.valueOf(this.port), "--bind",
						"127.0.0.1", "--save", "", "--appendonly", "no")
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("redis-server must be installed (apt-get install redis-server)", ex);
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (!accepts()) {
				if (System.nanoTime() > deadline || !this.process.isAlive()) {
					throw new IllegalStateException("redis-server did not start on port " + this.port);
				}
				pause(50);
			}
		}

		/** Stop it and wait until it is gone. */
		public void stop() {
			this.process.destroy();
			try {
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public void close() {
			stop();
		}

		private static int anyFreePort() {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private boolean accepts() {
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}

		private static void pause(long millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
