package dev.supergraph.catalog.product;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import dev.supergraph.starter.money.Money;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ProductRows} with Spring's {@link JdbcClient}; the keys are bound as one array
 * ({@code = any(?)}), and the columns are those of the {@link Product} mapping.
 */
class ProductRowsImpl implements ProductRows {

	private static final String COLUMNS = "select id, sku, name, description, price_amount, price_currency, "
			+ "category_id, weight_grams, stock_quantity from product p ";

	private final JdbcClient jdbc;

	ProductRowsImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Product> findByIdIn(Long[] ids) {
		return this.jdbc.sql(COLUMNS + "where p.id = any(?)").param(ids).query(ProductRowsImpl::product).list();
	}

	@Override
	public List<Product> findBySkuIn(String[] skus) {
		return this.jdbc.sql(COLUMNS + "where p.sku = any(?)").param(skus).query(ProductRowsImpl::product).list();
	}

	private static Product product(ResultSet row, int rowNumber) throws SQLException {
		return Product.read(row.getLong("id"), row.getString("sku"), row.getString("name"),
				row.getString("description"),
				Money.of(row.getBigDecimal("price_amount"), row.getString("price_currency")),
				row.getLong("category_id"), row.getInt("weight_grams"), row.getInt("stock_quantity"));
	}

}
