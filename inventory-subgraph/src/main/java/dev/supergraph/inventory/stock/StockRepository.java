package dev.supergraph.inventory.stock;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stock rows. The batch read binds its ids as one array ({@code = any(?)}), so its
 * statement text, and with it the server's prepared statement, is the same for every
 * batch size. Plain JDBC: the rows are read-only and the hottest path is the router's
 * {@code _entities}.
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

}
