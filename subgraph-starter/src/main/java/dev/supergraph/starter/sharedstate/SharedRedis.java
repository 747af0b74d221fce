package dev.supergraph.starter.sharedstate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * The subgraph's connection to the Redis that holds state shared by its replicas: one
 * Lettuce connection (string keys, byte values), opened on first use with the client
 * Spring Boot configured from {@code spring.data.redis.*} (timeouts, TLS, password).
 * <p>
 * A failed call answers empty, so each caller decides how to go on without Redis; Redis
 * is then left alone for {@link SharedStateProperties#retryInterval()} (calls answer
 * empty at once), so an unreachable Redis costs one timeout per interval rather than one
 * per request. Every call that went without Redis is counted in
 * {@code subgraph.redis.failures} (tag {@code use}); an outage is logged once.
 * <p>
 * Lettuce reconnects a lost connection by itself. Callers whose state in Redis must be
 * whole compare {@link #lostConnections()} between calls: a restart or a failover ends
 * the connection, and the Redis answering afterwards may lack the latest writes.
 */
public final class SharedRedis implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(SharedRedis.class);

	private final Supplier<RedisClient> client;

	private final SharedStateProperties properties;

	private final MeterRegistry registry;

	private final Clock clock;

	private volatile @Nullable StatefulRedisConnection<String, byte[]> connection;

	private volatile Instant downUntil = Instant.MIN;

	private volatile boolean failing;

	private final AtomicReference<LostConnections> lostConnections = new AtomicReference<>(
			new LostConnections(0, Instant.EPOCH));

	private final List<Step> onConnect = new CopyOnWriteArrayList<>();

	SharedRedis(Supplier<RedisClient> client, SharedStateProperties properties, MeterRegistry registry, Clock clock) {
		this.client = client;
		this.properties = properties;
		this.registry = registry;
		this.clock = clock;
		declare("connect");
	}

	/**
	 * Registers the failure count of a use at zero, so that an alert on its rate sees the
	 * first failures of an outage: Prometheus finds no increase in a series whose first
	 * sample is already 1.
	 * @param use the {@code use} tag that {@link #call} will be given
	 */
	public void declare(String use) {
		failures(use);
	}

	/**
	 * A key under the configured prefix.
	 * @param parts the parts of the key, joined with {@code :}
	 * @return the key
	 */
	public String key(String... parts) {
		return this.properties.keyPrefix() + String.join(":", parts);
	}

	/**
	 * Commands to run once {@link #connect} has connected, before the subgraph reports
	 * ready, so that no request waits for them; not run when Redis does not answer then.
	 * @param use what the call is for, the {@code use} tag of the failure metric
	 * @param commands the commands
	 */
	public void onConnect(String use, Function<StatefulRedisConnection<String, byte[]>, ?> commands) {
		this.onConnect.add(new Step(use, commands));
	}

	/**
	 * How many times the connection to Redis was lost so far, and when last. A loss is
	 * counted before Lettuce reconnects, so a count read after the connection dropped
	 * includes it (a command in flight at that moment is sent again after the reconnect,
	 * with what its caller read before).
	 * @return the lost connections
	 */
	public LostConnections lostConnections() {
		return this.lostConnections.get();
	}

	/**
	 * Run commands on the shared connection.
	 * @param use what the call is for, the {@code use} tag of the failure metric
	 * @param commands the commands
	 * @param <T> their result
	 * @return the result, or empty when Redis failed or is being left alone after a
	 * failure
	 */
	public <T> Optional<T> call(String use, Function<StatefulRedisConnection<String, byte[]>, T> commands) {
		if (this.clock.instant().isBefore(this.downUntil)) {
			failures(use).increment();
			return Optional.empty();
		}
		try {
			T result = commands.apply(connection());
			recovered();
			return Optional.ofNullable(result);
		}
		catch (RuntimeException ex) {
			failed(use, ex);
			return Optional.empty();
		}
	}

	/**
	 * Connects, trying again until it succeeds or the patience runs out: the first
	 * connection of a process (its handshake bound by the command timeout) can take
	 * longer than later ones. Called before the subgraph reports ready, so its first
	 * requests find the connection open.
	 * @param patience the longest time to keep trying
	 */
	void connect(Duration patience) {
		Instant deadline = this.clock.instant().plus(patience);
		while (true) {
			try {
				connection().sync().ping();
				recovered();
				this.onConnect.forEach((step) -> call(step.use(), step.commands()));
				return;
			}
			catch (RuntimeException ex) {
				if (this.clock.instant().isAfter(deadline)) {
					failed("connect", ex);
					return;
				}
			}
			pause();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private StatefulRedisConnection<String, byte[]> connection() {
		StatefulRedisConnection<String, byte[]> current = this.connection;
		if (current != null) {
			return current;
		}
		synchronized (this) {
			StatefulRedisConnection<String, byte[]> opened = this.connection;
			if (opened == null) {
				opened = this.client.get().connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
				opened.addListener(new RedisConnectionStateListener() {

					@Override
					public void onRedisDisconnected(RedisChannelHandler<?, ?> lost) {
						Instant now = SharedRedis.this.clock.instant();
						SharedRedis.this.lostConnections
							.updateAndGet((before) -> new LostConnections(before.count() + 1, now));
					}

				});
				this.connection = opened;
			}
			return opened;
		}
	}

	private Counter failures(String use) {
		return Counter.builder("subgraph.redis.failures")
			.description("Calls for shared state that went on without Redis (it failed, or failed recently)")
			.tag("use", use)
			.register(this.registry);
	}

	private void failed(String use, RuntimeException ex) {
		failures(use).increment();
		this.downUntil = this.clock.instant().plus(this.properties.retryInterval());
		if (!this.failing) {
			this.failing = true;
			logger.warn("Shared-state Redis unavailable ({}): rate limits fail open and the replay memory is "
					+ "this process's own until it answers again", ex.toString());
		}
	}

	private void recovered() {
		if (this.failing) {
			this.failing = false;
			logger.info("Shared-state Redis available again");
		}
	}

	@Override
	public void destroy() {
		StatefulRedisConnection<String, byte[]> current = this.connection;
		if (current != null) {
			current.close();
		}
	}

	/**
	 * The connections to Redis lost so far.
	 *
	 * @param count how many
	 * @param last when the last one was lost ({@link Instant#EPOCH} before the first)
	 */
	public record LostConnections(long count, Instant last) {

	}

	private record Step(String use, Function<StatefulRedisConnection<String, byte[]>, ?> commands) {

	}

}
