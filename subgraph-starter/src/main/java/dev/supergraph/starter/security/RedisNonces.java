package dev.supergraph.starter.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.supergraph.starter.sharedstate.SharedRedis;
import io.lettuce.core.SetArgs;

/**
 * Nonces remembered in Redis ({@code SET NX PX}, one key per nonce, shared by every
 * replica of every subgraph), so a stamp used at one replica is refused at all others,
 * and in this process as well.
 * <p>
 * When Redis fails, the API stays up on the local memory: this replica still refuses
 * every stamp it has seen (before and during the outage), but a stamp first used at
 * another replica is accepted here while it is fresh. Each such acceptance is counted in
 * {@code subgraph.redis.failures{use=replay-guard}}, and the outage is logged.
 */
final class RedisNonces implements NonceMemory {

	private static final byte[] USED = "1".getBytes(StandardCharsets.US_ASCII);

	private final SharedRedis redis;

	private final NonceMemory local;

	RedisNonces(SharedRedis redis, NonceMemory local) {
		this.redis = redis;
		redis.declare("replay-guard");
		this.local = local;
	}

	@Override
	public boolean firstUse(String nonce, Duration keepFor) {
		if (!this.local.firstUse(nonce, keepFor)) {
			return false;
		}
		String key = this.redis.key("replay", nonce);
		SetArgs once = SetArgs.Builder.nx().px(keepFor.toMillis());
		// "OK" when the key was new; no answer (null) when another replica set it first
		return this.redis.call("replay-guard", (connection) -> "OK".equals(connection.sync().set(key, USED, once)))
			.orElse(true);
	}

}
