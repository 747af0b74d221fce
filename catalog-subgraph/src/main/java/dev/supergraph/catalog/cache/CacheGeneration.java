package dev.supergraph.catalog.cache;

import java.util.OptionalLong;

/**
 * The catalog's data version as the cache sees it. Every entry is stored under the
 * generation read before its rows were loaded; a write advances the generation after its
 * commit, so no entry loaded before the commit is read again, even one stored after it.
 */
interface CacheGeneration {

	/**
	 * The current generation.
	 * @return the generation, or empty when it cannot be known (the read then bypasses
	 * the cache)
	 */
	OptionalLong current();

	/** Moves to a new generation after a committed write. */
	void advance();

	/**
	 * Where the generation lives, for operators.
	 * @return {@code local} or {@code redis}
	 */
	String mode();

}
