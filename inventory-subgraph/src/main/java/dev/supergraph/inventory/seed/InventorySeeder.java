package dev.supergraph.inventory.seed;

import dev.supergraph.starter.database.SeedLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the stock of the {@value #PRODUCTS} seed products into an empty database, one row
 * per product with the quantity the catalog's seed gives it ({@code docs/seed-data.md}),
 * so {@code Product.inStock} is the same whichever subgraph answers it. Enabled by
 * {@code inventory.seed.enabled}; refuses to run with the {@code prod} profile.
 */
@Component
@ConditionalOnBooleanProperty(InventorySeeder.SWITCH)
class InventorySeeder extends SeedLoader {

	static final String SWITCH = "inventory.seed.enabled";

	/** The catalog's seed products, {@code 1} to {@value}. */
	static final int PRODUCTS = 5000;

	private static final Logger logger = LoggerFactory.getLogger(InventorySeeder.class);

	InventorySeeder(JdbcTemplate jdbc, Environment environment) {
		super(jdbc, environment, SWITCH, "stock");
	}

	/**
	 * Units in stock of seed product {@code id}: the catalog's seed rule, restated (the
	 * inventory never reads the catalog's code or tables). Every tenth product has none.
	 * @param id the product id
	 * @return the quantity
	 */
	static int quantity(long id) {
		return (id % 10 == 0) ? 0 : (int) (1 + (id * 13) % 200);
	}

	@Override
	protected void load(JdbcTemplate jdbc) {
		insertOneRowPerId(jdbc, "insert into stock (product_id, quantity) values (?, ?)", PRODUCTS,
				(id) -> new Object[] { id, quantity(id) });
		logger.info("Seeded the stock of {} products", PRODUCTS);
	}

}
