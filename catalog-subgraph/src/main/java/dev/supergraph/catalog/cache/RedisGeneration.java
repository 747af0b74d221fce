package dev.supergraph.catalog.cache;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The generation shared by all replicas, one Redis key: a write on any replica advances
 * it before its response is sent, and every replica reads it before each cached read, so
 * no replica serves rows from before the write. The rows themselves stay in each
 * replica's memory.
 * <p>
 * When Redis does not answer, reads bypass the cache (fail open to the database, never to
 * old rows); for a second after a failure they do so at once rather than each waiting for
 * Redis's timeout. A write committed meanwhile, here or on another replica, could not
 * advance the generation, so the first call that reaches Redis again after a failure
 * advances it before anything is read from the cache. A replica whose write could not
 * advance it also keeps trying in the background, so that replicas which saw nothing of
 * the outage stop serving older entries about a second after Redis answers, whether or
 * not the writer is asked anything.
 */
final class RedisGeneration implements CacheGeneration {

	private static final Logger logger = LoggerFactory.getLogger(RedisGeneration.class);

	private static final long RETRY_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

	private static final long OWED_ADVANCE_RETRY_MILLIS = 250;

	private final StringRedisTemplate redis;

	private final String key;

	private final Counter readFailures;

	private final Counter advanceFailures;

	private volatile boolean failing;

	private volatile long failedAt;

	/** Whether a background retry of an advance that failed is scheduled. */
	private final AtomicBoolean advanceOwed = new AtomicBoolean();

	/** How long an owed advance is retried: after the TTL no older entry is served. */
	private final long owedForNanos;

	RedisGeneration(StringRedisTemplate redis, String key, Duration ttl, MeterRegistry registry) {
		this.redis = redis;
		this.key = key;
		this.owedForNanos = ttl.toNanos();
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
			String value = this.redis.opsForValue().get(this.key);
			if (value == null) {
				// A new or restarted Redis: start above every generation used before,
				// since replicas may still hold entries of those until their TTL. The
				// clock in milliseconds is such a number.
				this.redis.opsForValue().setIfAbsent(this.key, String.valueOf(System.currentTimeMillis()));
				value = this.redis.opsForValue().get(this.key);
			}
			else if (this.failing) {
				// Back after a failure: entries stored before it may hold rows that a
				// write changed while the generation could not be advanced. Concurrent
				// calls may each advance it; a generation more only costs a few misses.
				value = String.valueOf(this.redis.opsForValue().increment(this.key));
			}
			recovered();
			return (value != null) ? OptionalLong.of(Long.parseLong(value)) : OptionalLong.empty();
		}
		catch (RuntimeException ex) {
			failed(this.readFailures, ex);
			return OptionalLong.empty();
		}
	}

	@Override
	public void advance() {
		if (current().isEmpty()) {
			// Redis is not answering: the next call that reaches it advances the
			// generation, the background retry at the latest. The write is committed;
			// failing its response would only invite a retry.
			this.advanceFailures.increment();
			owe();
			return;
		}
		try {
			this.redis.opsForValue().increment(this.key);
		}
		catch (RuntimeException ex) {
			failed(this.advanceFailures, ex);
			owe();
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
