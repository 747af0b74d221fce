package dev.supergraph.orders.shipping;

import org.jspecify.annotations.Nullable;

/**
 * A {@code Product} as this subgraph knows it: the key and, when the router resolves
 * {@code shippingEstimate}, the {@code @external} weight it got from the catalog.
 *
 * @param id the product's id
 * @param weightGrams the shipping weight, {@code null} when not provided
 */
public record Product(String id, @Nullable Integer weightGrams) {

	/**
	 * A reference the router resolves against the catalog.
	 * @param id the product's id
	 * @return the product reference
	 */
	public static Product reference(long id) {
		return new Product(String.valueOf(id), null);
	}

}
