package dev.supergraph.starter.security;

import java.time.Duration;

import dev.supergraph.starter.caching.RequestPathCaches;
import com.github.benmanes.caffeine.cache.Cache;

/**
 * Nonces remembered in this process, in a bounded cache; only the router can mint stamps,
 * so the cache cannot be flooded from outside. Alone (no Redis configured) it is correct
 * for one replica: a replay sent to another replica within the maximum age passes.
 */
final class LocalNonces implements NonceMemory {

	private final Cache<String, Boolean> seen;

	LocalNonces(Duration keepFor) {
		this.seen = RequestPathCaches.newBuilder().expireAfterWrite(keepFor).maximumSize(1_000_000).build();
	}

	@Override
	public boolean firstUse(String nonce, Duration keepFor) {
		return this.seen.asMap().putIfAbsent(nonce, Boolean.TRUE) == null;
	}

}
