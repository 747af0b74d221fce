package dev.supergraph.starter.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.supergraph.starter.security.StampCheckScript.Answer;
import dev.supergraph.starter.security.StampCheckScript.Restart;
import dev.supergraph.starter.security.StampCheckScript.Verdict;
import dev.supergraph.starter.sharedstate.SharedRedis;
import dev.supergraph.starter.sharedstate.SharedRedis.LostConnections;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nonces remembered in Redis ({@code SET NX PX}, one key per nonce, shared by every
 * replica of every subgraph), so a stamp used at one replica is refused at all others,
 * and in this process as well.
 * <p>
 * Redis can forget keys and stay reachable: a restart without persistence, FLUSHALL or
 * FLUSHDB, a failover to a replica the latest writes had not reached, a restart from an
 * older snapshot. A stamp used before would then pass again at another replica. So a
 * marker without expiry says since when the memory is whole, checked with the nonce in
 * one script ({@link StampCheckScript}), and a stamp issued before it is refused as
 * possibly used. A missing marker is set to now: when this process connects (a new
 * Redis), or at a check (the memory was lost). After this process's connection was lost
 * (a restart or a failover ends it, and may bring the marker back without the latest
 * nonces), its next check moves the marker to the moment of the loss. The refusal covers
 * stamps issued before that moment, stale within the maximum age anyway. Each start over
 * is counted in {@code subgraph.replay.memory.restarts{cause}} and logged once.
 * <p>
 * When Redis fails, the API stays up on the local memory: this replica still refuses
 * every stamp it has seen (before and during the outage), but a stamp first used at
 * another replica is accepted here while it is fresh. Each such acceptance is counted in
 * {@code subgraph.redis.failures{use=replay-guard}}, and the outage is logged.
 */
final class RedisNonces implements NonceMemory {

	private static final Logger logger = LoggerFactory.getLogger(RedisNonces.class);

	private final SharedRedis redis;

	private final LocalNonces local;

	private final Clock clock;

	private final String marker;

	private final MeterRegistry registry;

	/** The lost connections that the memory was started over after. */
	private final AtomicReference<LostConnections> settled;

	RedisNonces(SharedRedis redis, LocalNonces local, Clock clock, MeterRegistry registry) {
		this.redis = redis;
		this.local = local;
		this.clock = clock;
		this.marker = redis.key("replay-since");
		this.registry = registry;
		this.settled = new AtomicReference<>(redis.lostConnections());
		redis.declare("replay-guard");
		restarts(Restart.LOST);
		restarts(Restart.RECONNECTED);
		redis.onConnect("replay-guard", this::start);
	}

	@Override
	public boolean firstUse(RouterSignature.Stamp stamp, Duration keepFor) {
		if (!this.local.firstUse(stamp.nonce(), keepFor)) {
			return false;
		}
		Instant now = this.clock.instant();
		LostConnections settled = this.settled.get();
		LostConnections losses = this.redis.lostConnections();
		// every check says so until one has moved the marker: none may trust it before
		@Nullable Instant lost = (losses.count() != settled.count()) ? losses.last() : null;
		String key = this.redis.key("replay", stamp.nonce());
		Optional<Answer> answer = this.redis.call("replay-guard",
				(connection) -> StampCheckScript.run(connection.sync(), this.marker, key, stamp, now, keepFor, lost));
		if (answer.isEmpty()) {
			return true;
		}
		// a loss is reported once, by the check that settles it
		if (lost == null || this.settled.compareAndSet(settled, losses) || answer.get().restart() == Restart.LOST) {
			restarted(answer.get(), keepFor.dividedBy(2));
		}
		// a check in flight when the connection dropped is sent again without the
		// news: its stamp, issued before the loss, is refused like those checked after
		return answer.get().verdict() == Verdict.FIRST_USE && this.redis.lostConnections().count() == losses.count();
	}

	/**
	 * Sets the marker to now when it is missing, before the subgraph reports ready: a new
	 * Redis, or one that lost its keys while no replica was asking. Else the first
	 * requests would find it missing and be refused.
	 */
	private boolean start(StatefulRedisConnection<String, byte[]> connection) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		boolean started = "OK"
			.equals(connection.sync().set(this.marker, StampCheckScript.millis(now), SetArgs.Builder.nx()));
		if (started) {
			logger.info("Shared memory of used router stamps starts now ({}) in Redis: a new Redis, or one that "
					+ "lost its keys; stamps issued before are refused", now);
		}
		return started;
	}

	private void restarted(Answer answer, Duration maxAge) {
		if (answer.restart() == Restart.NONE) {
			return;
		}
		restarts(answer.restart()).increment();
		String cause = (answer.restart() == Restart.LOST)
				? "Redis lost it (a restart without persistence, FLUSHALL/FLUSHDB, a failover to an empty replica, "
						+ "eviction)"
				: "the connection to Redis was lost (a restart or a failover may have dropped the latest nonces)";
		logger.warn("Shared memory of used router stamps started over: {}; stamps issued before {} are refused "
				+ "as possibly used, for at most the maximum age ({})", cause, answer.since(), maxAge);
	}

	private Counter restarts(Restart cause) {
		return Counter.builder("subgraph.replay.memory.restarts")
			.description("Times this replica started the shared memory of used router stamps over, "
					+ "refusing stamps issued before")
			.tag("cause", (cause == Restart.LOST) ? "lost" : "reconnected")
			.register(this.registry);
	}

}
