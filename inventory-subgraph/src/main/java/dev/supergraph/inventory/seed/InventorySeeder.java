package dev.supergraph.inventory.seed;

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
 * Loads the stock of the {@value #PRODUCTS} seed products into an empty database, one row
 * per product with the quantity the catalog's seed gives it ({@code docs/seed-data.md}),
 * so {@code Product.inStock} is the same whichever subgraph answers it. Enabled by
 * {@code inventory.seed.enabled}; refuses to run with the {@code prod} profile.
 */
@Component
@ConditionalOnBooleanProperty("inventory.seed.enabled")
class InventorySeeder implements ApplicationRunner {

	/** The catalog's seed products, {@code 1} to {@value}. */
	static final int PRODUCTS = 5000;

	private static final Logger logger = LoggerFactory.getLogger(InventorySeeder.class);

	private final JdbcTemplate jdbc;

	private final Environment environment;

	InventorySeeder(JdbcTemplate jdbc, Environment environment) {
		SeedGuard.refuseInProduction(environment, "inventory.seed.enabled");
		this.jdbc = jdbc;
		this.environment = environment;
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
	@Transactional
	public void run(ApplicationArguments args) {
		if (!SeedGuard.shouldLoad(this.jdbc, this.environment, "stock")) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		for (long id = 1; id <= PRODUCTS; id++) {
			rows.add(new Object[] { id, quantity(id) });
		}
		this.jdbc.batchUpdate("insert into stock (product_id, quantity) values (?, ?)", rows);
		logger.info("Seeded the stock of {} products", PRODUCTS);
	}

}
