package dev.supergraph.inventory.stock;

/**
 * A catalog product's stock. Named like its GraphQL type, {@code Product}: that is how
 * the entities' union {@code _Entity} resolves the type of an object.
 *
 * @param id the catalog's product id
 * @param stockQuantity units in stock
 */
record Product(Long id, int stockQuantity) {

	/**
	 * The stock of a product the inventory has no row for: none.
	 * @param id the product id
	 * @return the product with no units
	 */
	static Product withoutStock(Long id) {
		return new Product(id, 0);
	}

	boolean inStock() {
		return this.stockQuantity > 0;
	}

}
