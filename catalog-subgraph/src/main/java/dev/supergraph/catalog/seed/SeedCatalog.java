package dev.supergraph.catalog.seed;

import java.math.BigDecimal;
import java.util.List;

/**
 * The seed catalog as pure functions of the product id (documented in
 * {@code docs/seed-data.md}, which other subgraphs' seeds follow to reference products
 * and their prices without reading the catalog's tables).
 */
final class SeedCatalog {

	static final int PRODUCTS = 5000;

	static final List<String> CATEGORY_NAMES = List.of("Audio", "Bags", "Bikes", "Books", "Cameras", "Camping",
			"Cleaning", "Climbing", "Coffee", "Computers", "Cookware", "Crafts", "Cycling", "Desks", "Drones",
			"Fitness", "Furniture", "Games", "Garden", "Headphones", "Kitchen", "Lamps", "Luggage", "Music", "Office",
			"Outdoor", "Phones", "Photography", "Running", "Shoes", "Software", "Tea", "Tools", "Toys", "Watches",
			"Yoga");

	private static final List<String> ADJECTIVES = List.of("Compact", "Classic", "Durable", "Ergonomic", "Light",
			"Modern", "Portable", "Quiet", "Rugged", "Smart");

	private SeedCatalog() {
	}

	static String sku(long id) {
		return "SKU-%05d".formatted(id);
	}

	static String name(long id) {
		String category = CATEGORY_NAMES.get((int) (categoryId(id) - 1));
		return ADJECTIVES.get((int) (id % ADJECTIVES.size())) + " " + category + " item " + id;
	}

	static String description(long id) {
		return "Seed product " + id + ".";
	}

	static long categoryId(long id) {
		return 1 + (id - 1) % CATEGORY_NAMES.size();
	}

	/** Price in euro cents: 4.99 to 204.98. */
	static BigDecimal priceCents(long id) {
		return BigDecimal.valueOf(499 + (id * 7919) % 20000);
	}

	static int weightGrams(long id) {
		return (int) (100 + (id * 37) % 5000);
	}

	static int stock(long id) {
		return (id % 10 == 0) ? 0 : (int) (1 + (id * 13) % 200);
	}

}
