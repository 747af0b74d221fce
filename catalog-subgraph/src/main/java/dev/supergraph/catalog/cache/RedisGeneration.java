package dev.supergraph.catalog.cache;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The generation shared by all replicas, one Redis key: a write on any replica advances
 * it before its response is sent, and every replica reads it before each cached read, so
 * no replica serves rows from before the write. The rows themselves stay in each
 * replica's memory.
 * <p>
 * When Redis does not answer, reads bypass the cache (fail open to the database, never to
 * old rows); for a second after a failure they do so at once rather than each waiting for
 * Redis's timeout. A write that cannot advance the generation keeps trying for the
 * invalidation wait before its response is sent: a replica that saw nothing of a short
 * outage (a blip, a restart, a slow command) would otherwise serve its entries from
 * before the write to the client that has just been told of the write. A write committed
 * in a longer outage, here or on another replica, could not advance the generation, so
 * the first call that reaches Redis again after a failure advances it before anything is
 * read from the cache. A replica whose write could not advance it also keeps trying in
 * the background, so that replicas which saw nothing of the outage stop serving older
 * entries about a second after Redis answers, whether or not the writer is asked
 * anything.
 * <p>
 * A Redis can also hand out a generation that was used before: one restarted from a
 * snapshot, or a failover to a replica that had not yet received the last advances.
 * Replicas may hold entries under such a generation, loaded before a write it has lost.
 * Each of these ends the connections to Redis, so after a lost connection (or a failure,
 * or a missing key) the generation jumps past every generation used before: to the clock
 * in milliseconds, which generations start from and exceed only by one per write.
 */
final class RedisGeneration implements CacheGeneration {

	private static final Logger logger = LoggerFactory.getLogger(RedisGeneration.class);

	private static final long RETRY_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

	private static final long OWED_ADVANCE_RETRY_MILLIS = 250;

	/** How often a write waiting for Redis tries to advance the generation. */
	private static final long WAITING_ADVANCE_RETRY_MILLIS = 50;

	/**
	 * A generation past every one used before: the clock in milliseconds, or one more
	 * than the current one when that is as high already.
	 */
	private static final RedisScript<Long> JUMP = RedisScript.of("""
			local current = tonumber(redis.call('GET', KEYS[1]))
			local floor = tonumber(ARGV[1])
			if current ~= nil and current >= floor then floor = current + 1 end
			redis.call('SET', KEYS[1], string.format('%d', floor))
			return floor""", Long.class);

	private final StringRedisTemplate redis;

	private final String key;

	private final Counter readFailures;

	private final Counter advanceFailures;

	/** Registers a callback for each connection to Redis that is lost. */
	private final Consumer<Runnable> onConnectionLost;

	private volatile boolean listening;

	private volatile boolean failing;

	/** Whether a connection to Redis was lost since the generation was last read. */
	private volatile boolean disturbed;

	private volatile long failedAt;

	/** Whether a background retry of an advance that failed is scheduled. */
	private final AtomicBoolean advanceOwed = new AtomicBoolean();

	/** How long an owed advance is retried: after the TTL no older entry is served. */
	private final long owedForNanos;

	/** How long a write tries to advance the generation before its response is sent. */
	private final long waitForNanos;

	RedisGeneration(StringRedisTemplate redis, String key, Duration ttl, Duration invalidationWait,
			MeterRegistry registry, Consumer<Runnable> onConnectionLost) {
		this.redis = redis;
		this.key = key;
		this.onConnectionLost = onConnectionLost;
		this.owedForNanos = ttl.toNanos();
		this.waitForNanos = invalidationWait.toNanos();
		this.readFailures = failures(registry, "read");
		this.advanceFailures = failures(registry, "advance");
	}

	private static Counter failures(MeterRegistry registry, String operation) {
		return Counter.builder("catalog.cache.generation.failures")
			.description("Redis calls for the catalog cache's generation that failed, "
					+ "and writes that could not advance it (it is advanced once Redis answers)")
			.tag("operation", operation)
			.register(registry);
	}

	@Override
	public OptionalLong current() {
		if (this.failing && System.nanoTime() - this.failedAt < RETRY_AFTER_NANOS) {
			return OptionalLong.empty();
		}
		try {
			return OptionalLong.of(read());
		}
		catch (RuntimeException ex) {
			failed(this.readFailures, ex);
			return OptionalLong.empty();
		}
	}

	private long read() {
		listen();
		String value = this.redis.opsForValue().get(this.key);
		if (value == null || this.failing || this.disturbed) {
			// A new, restarted or failed-over Redis, or one back after a failure: writes
			// may have committed that could not advance the generation, and the
			// generation may be one that replicas used before. Concurrent calls may each
			// jump; a generation more only costs a few misses.
			this.disturbed = false;
			value = String
				.valueOf(this.redis.execute(JUMP, List.of(this.key), String.valueOf(System.currentTimeMillis())));
		}
		recovered();
		return Long.parseLong(value);
	}

	/**
	 * Hears of lost connections from the first read on, once the client exists. Two
	 * concurrent first reads may both register; either callback does the same.
	 */
	private void listen() {
		if (!this.listening) {
			this.onConnectionLost.accept(() -> this.disturbed = true);
			this.listening = true;
		}
	}

	@Override
	public void advance() {
		long deadline = System.nanoTime() + this.waitForNanos;
		while (!advanced()) {
			if (System.nanoTime() - deadline >= 0 || !pause()) {
				// Redis did not answer within the wait: the next call that reaches it
				// advances the generation, the background retry at the latest. The write
				// is committed; failing its response would only invite a retry.
				this.advanceFailures.increment();
				owe();
				return;
			}
		}
	}

	/**
	 * One attempt, also within the second after a failure: the write's response waits for
	 * it. Failed attempts are counted once, by the caller, when it gives up.
	 * @return whether the generation was advanced
	 */
	private boolean advanced() {
		try {
			read();
			this.redis.opsForValue().increment(this.key);
			return true;
		}
		catch (RuntimeException ex) {
			unavailable(ex);
			return false;
		}
	}

	private static boolean pause() {
		try {
			Thread.sleep(WAITING_ADVANCE_RETRY_MILLIS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Retries the advance in the background until Redis answers, at most for the TTL. */
	private void owe() {
		if (this.advanceOwed.compareAndSet(false, true)) {
			retryLater(System.nanoTime() + this.owedForNanos);
		}
	}

	private void retryLater(long until) {
		CompletableFuture.delayedExecutor(OWED_ADVANCE_RETRY_MILLIS, TimeUnit.MILLISECONDS).execute(() -> {
			// Advances the generation once Redis answers (see current()).
			current();
			if (this.failing && System.nanoTime() - until < 0) {
				retryLater(until);
			}
			else {
				this.advanceOwed.set(false);
				if (this.failing) {
					// A write failed again while this retry was ending.
					owe();
				}
			}
		});
	}

	@Override
	public String mode() {
		return "redis";
	}

	private void failed(Counter counter, RuntimeException ex) {
		counter.increment();
		unavailable(ex);
	}

	private void unavailable(RuntimeException ex) {
		this.failedAt = System.nanoTime();
		if (!this.failing) {
			this.failing = true;
			logger.warn("Catalog cache generation in Redis unavailable, reads bypass the cache: {}", ex.toString());
		}
	}

	private void recovered() {
		if (this.failing) {
			this.failing = false;
			logger.info("Catalog cache generation in Redis available again");
		}
	}

}
