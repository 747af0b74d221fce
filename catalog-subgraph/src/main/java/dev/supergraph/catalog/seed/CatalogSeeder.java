package dev.supergraph.catalog.seed;

import dev.supergraph.starter.database.SeedLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the deterministic catalog of the local run and the benchmarks into an empty
 * database: {@value #CATEGORIES} categories and {@value #PRODUCTS} products whose
 * attributes are pure functions of the product id (see {@link SeedCatalog}), so other
 * subgraphs' seeds can reference them. Enabled by {@code catalog.seed.enabled}; refuses
 * to run with the {@code prod} profile.
 */
@Component
@ConditionalOnBooleanProperty(CatalogSeeder.SWITCH)
class CatalogSeeder extends SeedLoader {

	static final String SWITCH = "catalog.seed.enabled";

	static final int CATEGORIES = SeedCatalog.CATEGORY_NAMES.size();

	static final int PRODUCTS = SeedCatalog.PRODUCTS;

	private static final Logger logger = LoggerFactory.getLogger(CatalogSeeder.class);

	CatalogSeeder(JdbcTemplate jdbc, Environment environment) {
		super(jdbc, environment, SWITCH, "product");
	}

	@Override
	protected void load(JdbcTemplate jdbc) {
		insertOneRowPerId(jdbc, "insert into category (id, name) values (?, ?)", CATEGORIES,
				(id) -> new Object[] { (int) id, SeedCatalog.CATEGORY_NAMES.get((int) id - 1) });
		insertOneRowPerId(jdbc,
				"insert into product (id, sku, name, description, price_amount, price_currency, category_id, "
						+ "weight_grams, stock_quantity) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				PRODUCTS,
				(id) -> new Object[] { id, SeedCatalog.sku(id), SeedCatalog.name(id), SeedCatalog.description(id),
						SeedCatalog.priceCents(id).movePointLeft(2), "EUR", SeedCatalog.categoryId(id),
						SeedCatalog.weightGrams(id), SeedCatalog.stock(id) });
		jdbc.execute("select setval(pg_get_serial_sequence('category', 'id'), " + CATEGORIES + ")");
		jdbc.execute("select setval(pg_get_serial_sequence('product', 'id'), " + PRODUCTS + ")");
		logger.info("Seeded {} categories and {} products", CATEGORIES, PRODUCTS);
	}

}
