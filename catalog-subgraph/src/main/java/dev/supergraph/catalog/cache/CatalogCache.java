package dev.supergraph.catalog.cache;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.supergraph.starter.caching.RequestPathCaches;
import com.github.benmanes.caffeine.cache.Cache;

/**
 * Cached reads of public catalog data. Keys are the query arguments, never the caller:
 * nothing the catalog stores depends on who asks, and authorization runs on the fields
 * above these reads for every request. Only values are stored; an exception of a load is
 * thrown to its caller and leaves nothing behind. {@link #invalidate()} after a committed
 * write makes every earlier entry unreachable on every replica that shares the
 * generation.
 */
public final class CatalogCache {

	private final Map<CacheRegion, Cache<GenerationKey, Object>> regions;

	private final CacheGeneration generation;

	CatalogCache(Map<CacheRegion, Cache<GenerationKey, Object>> regions, CacheGeneration generation) {
		this.regions = regions;
		this.generation = generation;
	}

	/**
	 * A cache that stores nothing: every read goes to its loader.
	 * @return the pass-through cache
	 */
	public static CatalogCache disabled() {
		return new CatalogCache(Map.of(), new LocalGeneration());
	}

	static CatalogCache of(CatalogCacheProperties properties, CacheGeneration generation) {
		Map<CacheRegion, Cache<GenerationKey, Object>> regions = new EnumMap<>(CacheRegion.class);
		for (CacheRegion region : CacheRegion.values()) {
			regions.put(region,
					RequestPathCaches.newBuilder()
						.maximumWeight(properties.maximumRows())
						.weigher((GenerationKey key, Object value) -> rows(value))
						.expireAfterWrite(properties.ttl())
						.recordStats()
						.build());
		}
		return new CatalogCache(regions, generation);
	}

	/**
	 * One value by key, loaded on a miss. The value must not be {@code null}.
	 * @param <V> the value type
	 * @param region the region
	 * @param key the query arguments
	 * @param loader reads the value from the database
	 * @return the cached or loaded value
	 */
	@SuppressWarnings("unchecked")
	public <V> V get(CacheRegion region, Object key, Supplier<V> loader) {
		Cache<GenerationKey, Object> cache = this.regions.get(region);
		OptionalLong current = (cache != null) ? this.generation.current() : OptionalLong.empty();
		if (current.isEmpty()) {
			return loader.get();
		}
		return (V) cache.get(new GenerationKey(current.getAsLong(), key), (missing) -> loader.get());
	}

	/**
	 * Values of many keys, the missing ones loaded together in one call. Keys the loader
	 * does not answer (unknown rows) are absent from the result and not cached.
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param region the region
	 * @param keys the keys
	 * @param loader reads the values of the missing keys from the database
	 * @return the values found, by key
	 */
	@SuppressWarnings("unchecked")
	public <K, V> Map<K, V> getAll(CacheRegion region, Collection<K> keys, Function<Set<K>, Map<K, V>> loader) {
		Cache<GenerationKey, Object> cache = this.regions.get(region);
		OptionalLong current = (cache != null) ? this.generation.current() : OptionalLong.empty();
		if (current.isEmpty()) {
			return loader.apply(Set.copyOf(keys));
		}
		long generation = current.getAsLong();
		Set<GenerationKey> wanted = keys.stream()
			.map((key) -> new GenerationKey(generation, key))
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Map<GenerationKey, Object> found = cache.getAll(wanted, (missing) -> {
			Set<K> missingKeys = missing.stream().map((key) -> (K) key.key()).collect(Collectors.toSet());
			Map<GenerationKey, Object> loaded = new HashMap<>();
			loader.apply(missingKeys).forEach((key, value) -> loaded.put(new GenerationKey(generation, key), value));
			return loaded;
		});
		Map<K, V> result = new LinkedHashMap<>();
		found.forEach((key, value) -> result.put((K) key.key(), (V) value));
		return result;
	}

	/**
	 * Makes every entry stored so far unreachable, here and on every replica sharing the
	 * generation. Call it after the write's commit and before its response.
	 */
	public void invalidate() {
		this.generation.advance();
		// Entries of older generations are never read again; dropping them frees memory
		// now.
		this.regions.values().forEach(Cache::invalidateAll);
	}

	boolean enabled() {
		return !this.regions.isEmpty();
	}

	String mode() {
		return enabled() ? this.generation.mode() : "off";
	}

	OptionalLong generation() {
		return enabled() ? this.generation.current() : OptionalLong.empty();
	}

	Map<CacheRegion, Cache<GenerationKey, Object>> regions() {
		return this.regions;
	}

	private static int rows(Object value) {
		return (value instanceof Collection<?> rows) ? Math.max(1, rows.size()) : 1;
	}

	/**
	 * A key under the generation it was loaded in.
	 *
	 * @param generation the generation read before loading
	 * @param key the query arguments
	 */
	record GenerationKey(long generation, Object key) {

	}

}
