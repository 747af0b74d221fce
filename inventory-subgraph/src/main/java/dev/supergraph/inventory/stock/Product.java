package dev.supergraph.inventory.stock;

import dev.supergraph.starter.errors.SubgraphException;
import org.jspecify.annotations.Nullable;

/**
 * A catalog product's stock. Named like its GraphQL type, {@code Product}: that is how
 * the entities' union {@code _Entity} resolves the type of an object.
 *
 * @param id the catalog's product id
 * @param units units in stock, or {@code null} when they are not known: the inventory has
 * no row for the product and the catalog could not be asked
 */
record Product(Long id, @Nullable Integer units) {

	/**
	 * The stock of a product the catalog does not know either: none.
	 * @param id the product id
	 * @return the product with no units
	 */
	static Product withoutStock(Long id) {
		return new Product(id, 0);
	}

	/**
	 * A product whose stock could not be taken over from the catalog.
	 * @param id the product id
	 * @return the product whose stock fields answer {@code SERVICE_UNAVAILABLE}
	 */
	static Product uncounted(Long id) {
		return new Product(id, null);
	}

	/**
	 * Units in stock.
	 * @return the units
	 * @throws SubgraphException with {@code SERVICE_UNAVAILABLE} when they are not known:
	 * the inventory never guesses a stock
	 */
	int stockQuantity() {
		if (this.units == null) {
			throw SubgraphException.unavailable("inventory.catalogUnavailable");
		}
		return this.units;
	}

	boolean inStock() {
		return stockQuantity() > 0;
	}

}
