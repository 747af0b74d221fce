package dev.supergraph.catalog.seed;

import java.util.ArrayList;
import java.util.List;

import dev.supergraph.starter.database.SeedGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the deterministic catalog of the local run and the benchmarks into an empty
 * database: {@value #CATEGORIES} categories and {@value #PRODUCTS} products whose
 * attributes are pure functions of the product id (see {@link SeedCatalog}), so other
 * subgraphs' seeds can reference them. Enabled by {@code catalog.seed.enabled}; refuses
 * to run with the {@code prod} profile.
 */
@Component
@ConditionalOnBooleanProperty("catalog.seed.enabled")
class CatalogSeeder implements ApplicationRunner {

	static final int CATEGORIES = SeedCatalog.CATEGORY_NAMES.size();

	static final int PRODUCTS = SeedCatalog.PRODUCTS;

	private static final Logger logger = LoggerFactory.getLogger(CatalogSeeder.class);

	private final JdbcTemplate jdbc;

	private final Environment environment;

	CatalogSeeder(JdbcTemplate jdbc, Environment environment) {
		SeedGuard.refuseInProduction(environment, "catalog.seed.enabled");
		this.jdbc = jdbc;
		this.environment = environment;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!SeedGuard.shouldLoad(this.jdbc, this.environment, "product")) {
			return;
		}
		List<Object[]> categories = new ArrayList<>();
		for (int id = 1; id <= CATEGORIES; id++) {
			categories.add(new Object[] { id, SeedCatalog.CATEGORY_NAMES.get(id - 1) });
		}
		this.jdbc.batchUpdate("insert into category (id, name) values (?, ?)", categories);
		List<Object[]> products = new ArrayList<>();
		for (long id = 1; id <= PRODUCTS; id++) {
			products.add(new Object[] { id, SeedCatalog.sku(id), SeedCatalog.name(id), SeedCatalog.description(id),
					SeedCatalog.priceCents(id).movePointLeft(2), "EUR", SeedCatalog.categoryId(id),
					SeedCatalog.weightGrams(id), SeedCatalog.stock(id) });
		}
		this.jdbc.batchUpdate("insert into product (id, sku, name, description, price_amount, price_currency, "
				+ "category_id, weight_grams, stock_quantity) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", products);
		this.jdbc.execute("select setval(pg_get_serial_sequence('category', 'id'), " + CATEGORIES + ")");
		this.jdbc.execute("select setval(pg_get_serial_sequence('product', 'id'), " + PRODUCTS + ")");
		logger.info("Seeded {} categories and {} products", CATEGORIES, PRODUCTS);
	}

}
