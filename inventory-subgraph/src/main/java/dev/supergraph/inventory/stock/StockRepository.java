package dev.supergraph.inventory.stock;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stock rows. Batch statements bind their values as arrays ({@code = any(?)},
 * {@code unnest(?, ?)}), so each statement text, and with it the server's prepared
 * statement, is the same for every batch size. Plain JDBC: the hottest path is the
 * router's {@code _entities}.
 */
@Repository
class StockRepository {

	private final JdbcClient jdbc;

	StockRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The stock of the products that have a row, in one statement.
	 * @param productIds the product ids
	 * @return the products found, in no particular order
	 */
	List<Product> findByProductIdIn(Long[] productIds) {
		return this.jdbc.sql("select product_id, quantity from stock s where s.product_id = any(?)")
			.param(productIds)
			.query((row, rowNumber) -> new Product(row.getLong("product_id"), row.getInt("quantity")))
			.list();
	}

	/**
	 * Records the stock of products that have no row yet, in one statement. A row another
	 * request recorded meanwhile stays: it holds the same catalog answer.
	 * @param quantities units in stock by product id
	 */
	void insertMissing(Map<Long, Integer> quantities) {
		// in id order, so that concurrent inserts of overlapping products never deadlock
		Map<Long, Integer> ordered = new TreeMap<>(quantities);
		this.jdbc
			.sql("insert into stock (product_id, quantity) select * from unnest(?::bigint[], ?::integer[]) "
					+ "on conflict (product_id) do nothing")
			.params(ordered.keySet().toArray(Long[]::new), ordered.values().toArray(Integer[]::new))
			.update();
	}

}
