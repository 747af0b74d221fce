package dev.supergraph.catalog.category;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The category table, through {@link JdbcClient}: one round trip per call, no persistence
 * context. The batch read binds its ids as one array ({@code = any(?)}), so its statement
 * text is the same for every batch size.
 */
@Component
public class CategoryRows {

	private static final String COLUMNS = "select c.id, c.name from category c ";

	private final JdbcClient jdbc;

	CategoryRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether a category exists.
	 * @param id the id
	 * @return whether it does
	 */
	public boolean existsById(long id) {
		return this.jdbc.sql("select exists (select 1 from category c where c.id = ?)")
			.param(id)
			.query(Boolean.class)
			.single();
	}

	List<Category> findByIdIn(Long[] ids) {
		return this.jdbc.sql(COLUMNS + "where c.id = any(?)").param(ids).query(CategoryRows::category).list();
	}

	List<Category> findAllOrderedByName() {
		return this.jdbc.sql(COLUMNS + "order by c.name").query(CategoryRows::category).list();
	}

	private static Category category(ResultSet row, int rowNumber) throws SQLException {
		return new Category(row.getLong("id"), row.getString("name"));
	}

}
