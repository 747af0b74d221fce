package dev.supergraph.catalog.product;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import dev.supergraph.starter.money.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Batch reads of products straight from JDBC, for the hottest read path
 * ({@code _entities} of the router). The rows are read-only {@link Product}s outside any
 * persistence context: JPA's session, entity registration and loaded-state snapshots cost
 * more than a read that never writes needs (a profile put 12 % of the catalog's CPU for
 * 100 entities in Hibernate). A plain bean, not a fragment of {@link ProductRepository},
 * so no repository proxy intercepts each read.
 */
@Component
class ProductRows {

	private static final String COLUMNS = "select id, sku, name, description, price_amount, price_currency, "
			+ "category_id, weight_grams, stock_quantity from product p ";

	private final JdbcClient jdbc;

	ProductRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Products by id, in one statement whose text is the same for every batch size.
	 * @param ids the ids
	 * @return the products found, in no particular order
	 */
	List<Product> findByIdIn(Long[] ids) {
		return this.jdbc.sql(COLUMNS + "where p.id = any(?)").param(ids).query(ProductRows::product).list();
	}

	/**
	 * Products by SKU, in one statement whose text is the same for every batch size.
	 * @param skus the SKUs
	 * @return the products found, in no particular order
	 */
	List<Product> findBySkuIn(String[] skus) {
		return this.jdbc.sql(COLUMNS + "where p.sku = any(?)").param(skus).query(ProductRows::product).list();
	}

	private static Product product(ResultSet row, int rowNumber) throws SQLException {
		return Product.read(row.getLong("id"), row.getString("sku"), row.getString("name"),
				row.getString("description"),
				Money.of(row.getBigDecimal("price_amount"), row.getString("price_currency")),
				row.getLong("category_id"), row.getInt("weight_grams"), row.getInt("stock_quantity"));
	}

}
