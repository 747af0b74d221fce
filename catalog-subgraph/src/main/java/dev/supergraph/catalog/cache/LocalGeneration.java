package dev.supergraph.catalog.cache;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The generation of a single replica, in memory: correct as long as every write reaches
 * this replica, i.e. without Redis only for one replica.
 */
final class LocalGeneration implements CacheGeneration {

	private final AtomicLong generation = new AtomicLong();

	@Override
	public OptionalLong current() {
		return OptionalLong.of(this.generation.get());
	}

	@Override
	public void advance() {
		this.generation.incrementAndGet();
	}

	@Override
	public String mode() {
		return "local";
	}

}
