package dev.supergraph.catalog.product;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

import dev.supergraph.starter.money.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The product table, through {@link JdbcClient}: plain JDBC, no persistence context. The
 * hottest read, {@code _entities} of the router, had 12 % of the catalog's CPU for 100
 * entities in Hibernate's session, entity registration and loaded-state snapshots, and a
 * write is one statement (why no ORM at all: docs/dependencies.md). A plain bean, not a
 * Spring Data repository, so no repository proxy intercepts each call. Batch reads bind
 * their keys as one array ({@code = any(?)}), and the filters of a page are parameters,
 * so each read has one statement text whatever the batch size or the filters given. A
 * nullable parameter is bound with its SQL type, which spares the driver a round trip to
 * ask the server for it.
 */
@Component
class ProductRows {

	private static final String PRODUCT_COLUMNS = "id, sku, name, description, price_amount, price_currency, "
			+ "category_id, weight_grams, stock_quantity";

	private static final String COLUMNS = "select " + PRODUCT_COLUMNS + " from product p ";

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

	/**
	 * A product by id, its row locked until the surrounding transaction ends.
	 * @param id the id
	 * @return the product, if there is one
	 */
	Optional<Product> findForUpdateById(long id) {
		return this.jdbc.sql(COLUMNS + "where p.id = ? for no key update")
			.param(id)
			.query(ProductRows::product)
			.optional();
	}

	/**
	 * A page of products in id order, each filter applied when given.
	 * @param afterId the last id of the page before
	 * @param categoryId only this category's products
	 * @param namePattern only names matching this {@code LIKE} pattern ({@code \}
	 * escapes), both in lower case by the database's rules
	 * @param inStock only products in stock ({@code true}) or out of it ({@code false})
	 * @param limit the most products to read
	 * @return the products
	 */
	List<Product> findPage(long afterId, @Nullable Long categoryId, @Nullable String namePattern,
			@Nullable Boolean inStock, int limit) {
		return this.jdbc.sql(COLUMNS + """
				where p.id > :afterId
				  and (:categoryId is null or p.category_id = :categoryId)
				  and (:namePattern is null or lower(p.name) like lower(:namePattern) escape '\\')
				  and (:inStock is null or (:inStock and p.stock_quantity > 0)
				                        or (not :inStock and p.stock_quantity = 0))
				order by p.id limit :limit""")
			.param("afterId", afterId)
			.param("categoryId", categoryId, Types.BIGINT)
			.param("namePattern", namePattern, Types.VARCHAR)
			.param("inStock", inStock, Types.BOOLEAN)
			.param("limit", limit)
			.query(ProductRows::product)
			.list();
	}

	/**
	 * One page of products for each of several categories, in one statement.
	 * @param categoryIds the categories
	 * @param afterId the id after which each page starts
	 * @param size the page size (fetch size) per category
	 * @return the products ordered by category and id
	 */
	List<Product> findPagesByCategory(Long[] categoryIds, long afterId, int size) {
		// Each category's page is a lateral subquery that stops at its limit; numbering
		// the rows of all the categories asked for read every product they hold.
		return this.jdbc
			.sql("select " + PRODUCT_COLUMNS
					+ " from (select distinct unnest(?::bigint[])) as c(category) cross join lateral ("
					+ " select * from product q where q.category_id = c.category and q.id > ? order by q.id limit ?"
					+ ") p order by category_id, id")
			.params(categoryIds, afterId, size)
			.query(ProductRows::product)
			.list();
	}

	/**
	 * Stores a new product; a taken SKU fails on its unique constraint.
	 * @param product the product
	 * @return the product with the id the database gave it
	 */
	Product insert(Product product) {
		long id = this.jdbc.sql("""
				insert into product (sku, name, description, price_amount, price_currency, category_id,
				  weight_grams, stock_quantity)
				values (:sku, :name, :description, :priceAmount, :priceCurrency, :categoryId,
				  :weightGrams, :stockQuantity) returning id""")
			.param("sku", product.getSku())
			.param("name", product.getName())
			.param("description", product.getDescription(), Types.VARCHAR)
			.param("priceAmount", product.getPrice().decimal())
			.param("priceCurrency", product.getPrice().currency())
			.param("categoryId", product.getCategoryId())
			.param("weightGrams", product.getWeightGrams())
			.param("stockQuantity", product.getStockQuantity())
			.query(Long.class)
			.single();
		return product.stored(id);
	}

	/**
	 * Stores a product's changed price.
	 * @param product the product, read with {@link #findForUpdateById} in this
	 * transaction
	 */
	void updatePrice(Product product) {
		this.jdbc.sql("update product set price_amount = ?, price_currency = ?, version = version + 1 where id = ?")
			.params(product.getPrice().decimal(), product.getPrice().currency(), product.getId())
			.update();
	}

	private static Product product(ResultSet row, int rowNumber) throws SQLException {
		return Product.read(row.getLong("id"), row.getString("sku"), row.getString("name"),
				row.getString("description"),
				Money.of(row.getBigDecimal("price_amount"), row.getString("price_currency")),
				row.getLong("category_id"), row.getInt("weight_grams"), row.getInt("stock_quantity"));
	}

}
