package dev.supergraph.starter.caching;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Builders of the caches that requests read and write (documents, verified tokens,
 * rate-limit buckets, the catalog's reads). Caffeine runs a cache's upkeep (draining its
 * read and write buffers, expiring, evicting) on the common fork-join pool by default: a
 * cache written by every request, like the router stamps' nonces were, handed a task to
 * another thread per request, and waking that thread cost more CPU than the few entries
 * it had to drain (the pool's threads took 2.2 % of the catalog's CPU under
 * {@code _entities} load). Here the request's own thread does the upkeep when it falls
 * due.
 */
public final class RequestPathCaches {

	private RequestPathCaches() {
	}

	/**
	 * A Caffeine builder whose upkeep runs on the calling thread.
	 * @return a new builder
	 */
	public static Caffeine<Object, Object> newBuilder() {
		return Caffeine.newBuilder().executor(Runnable::run);
	}

}
