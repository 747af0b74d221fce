package dev.supergraph.catalog.product;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import dev.supergraph.starter.test.RowsRead;
import dev.supergraph.starter.test.SubgraphTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog's page reads stay bounded by the page on a catalog ten times the seed's
 * size, its products added category by category: each test adds 50,000 products in a
 * transaction that it rolls back, and counts the rows PostgreSQL read for the read under
 * test ({@link RowsRead}), whatever plan it chose.
 */
@SubgraphTest
class LargeCatalogReadsTests {

	private static final int ADDED = 50_000;

	/** Fewer rows than one category of the added products holds. */
	private static final long BOUNDED = 1_000;

	@Autowired
	ProductRows rows;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void pagesOfEveryCategoryReadTheirPagesOnly() {
		Long[] categories = LongStream.rangeClosed(1, 36).boxed().toArray(Long[]::new);
		onLargeCatalog(() -> {
			List<Product> pages = this.rows.findPagesByCategory(categories, 0, 6);
			assertThat(pages).hasSize(36 * 6);
		}, (read) -> assertThat(read).isLessThan(BOUNDED));
	}

	@Test
	void aSearchForAWordFewNamesHoldReadsTheMatchesOnly() {
		onLargeCatalog(() -> {
			List<Product> found = this.rows.findPage(0, null, "%zephyr%", null, 21);
			assertThat(found).extracting(Product::getName).containsExactly("Zephyr reading lamp");
		}, (read) -> assertThat(read).isLessThan(BOUNDED));
	}

	@Test
	void aPageOfTheLastAddedCategoryReadsThatPageOnly() {
		onLargeCatalog(() -> assertThat(this.rows.findPage(0, 36L, null, null, 21)).hasSize(21),
				(read) -> assertThat(read).isLessThan(BOUNDED));
	}

	@Test
	void aPageOfTheFewProductsOutOfStockReadsThoseOnly() {
		onLargeCatalog(
				() -> assertThat(this.rows.findPage(0, null, null, false, 21)).hasSize(21)
					.allSatisfy((product) -> assertThat(product.getStockQuantity()).isZero()),
				(read) -> assertThat(read).isLessThan(BOUNDED),
				// out of stock: 29 of the newest products, and none of the others
				"update product set stock_quantity = 1 where stock_quantity = 0",
				"update product set stock_quantity = 0 where sku like 'LARGE-499__' and sku > 'LARGE-49970'");
	}

	/**
	 * Runs {@code read} on the catalog with the added products and the {@code changes},
	 * then hands {@code check} the rows of {@code product} it read; rolls everything
	 * back.
	 */
	private void onLargeCatalog(Runnable read, Consumer<Long> check, String... changes) {
		this.transactions.executeWithoutResult((transaction) -> {
			transaction.setRollbackOnly();
			// 1,000 products of one category after another, as a shop adds a range at a
			// time
			this.jdbc.update(
					"""
							insert into product (sku, name, price_amount, price_currency, category_id, weight_grams, stock_quantity)
							select 'LARGE-' || g, case when g = 25000 then 'Zephyr reading lamp' else 'Bulk item ' || g end,
							  9.99, 'EUR', 1 + (g / 1000) % 36, 500, 10
							from generate_series(1, ?) g""",
					ADDED);
			for (String change : changes) {
				this.jdbc.update(change);
			}
			this.jdbc.execute("analyze product");
			RowsRead reads = RowsRead.from(this.jdbc, "product");
			read.run();
			check.accept(reads.rows());
		});
	}

}
