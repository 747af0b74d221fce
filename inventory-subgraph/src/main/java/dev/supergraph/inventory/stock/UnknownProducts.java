package dev.supergraph.inventory.stock;

import java.util.Collection;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import dev.supergraph.inventory.catalog.CatalogProperties;
import dev.supergraph.starter.caching.RequestPathCaches;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.stereotype.Component;

/**
 * Product ids the catalog answered it does not know, remembered for
 * {@code inventory.catalog.unknown-product-ttl}, at most
 * {@code inventory.catalog.unknown-products} of them per replica. Such a product has no
 * stock row to remember it by, so without this every request for it (an id a client made
 * up, a product deleted in the catalog) would cost a catalog call. The period also bounds
 * how long a product the catalog creates after its id was asked about stays out of stock
 * here. Hits are ids answered without the catalog:
 * {@code cache_gets_total{cache="inventory.unknown-products"}}.
 */
@Component
class UnknownProducts implements MeterBinder {

	private final Cache<Long, Boolean> ids;

	UnknownProducts(CatalogProperties properties) {
		long size = properties.unknownProductTtl().isZero() ? 0 : properties.unknownProducts();
		this.ids = RequestPathCaches.newBuilder()
			.expireAfterWrite(properties.unknownProductTtl())
			.maximumSize(size)
			.recordStats()
			.<Long, Boolean>build();
	}

	/**
	 * The ids the catalog answered it does not know, within the period.
	 * @param ids product ids
	 * @return those of them still remembered as unknown
	 */
	List<Long> remembered(List<Long> ids) {
		return ids.stream().filter((id) -> this.ids.getIfPresent(id) != null).toList();
	}

	/**
	 * Remembers ids the catalog just answered it does not know.
	 * @param ids product ids
	 */
	void remember(Collection<Long> ids) {
		ids.forEach((id) -> this.ids.put(id, Boolean.TRUE));
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		CaffeineCacheMetrics.monitor(registry, this.ids, "inventory.unknown-products");
	}

}
