package dev.supergraph.orders.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import dev.supergraph.starter.money.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of orders and their items straight from JDBC, for the hottest read paths
 * ({@code order(id)}, {@code _entities}, {@code User.orders} and {@code Order.items}).
 * The rows are read-only entities outside any persistence context: for a read that never
 * writes, Spring Data's shared entity manager and Hibernate's native-query result mapping
 * cost more than the statements (9 % of the request threads' time for a user's orders
 * with their items, by profile). Keys are bound as one array ({@code = any(?)}), so each
 * statement text is the same for every batch size. A plain bean, not a fragment of
 * {@link OrderRepository}, so no repository proxy intercepts each read; writes go through
 * JPA.
 */
@Component
class OrderRows {

	private static final String ORDER_COLUMNS = "id, buyer_id, status, total_amount, total_currency, placed_at, "
			+ "idempotency_key, items_digest, version";

	private final JdbcClient jdbc;

	OrderRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An order by id.
	 * @param id the id
	 * @return the order, if any
	 */
	Optional<Order> findOneById(long id) {
		return this.jdbc.sql("select " + ORDER_COLUMNS + " from orders o where o.id = ?")
			.param(id)
			.query(OrderRows::order)
			.optional();
	}

	/**
	 * Orders by id, in one statement.
	 * @param ids the ids
	 * @return the orders found, in no particular order
	 */
	List<Order> findByIdIn(Long[] ids) {
		return this.jdbc.sql("select " + ORDER_COLUMNS + " from orders o where o.id = any(?)")
			.param(ids)
			.query(OrderRows::order)
			.list();
	}

	/**
	 * One page of orders for each of several buyers, in one statement.
	 * @param buyerIds the buyers
	 * @param afterId the id after which each page starts
	 * @param size the page size (fetch size) per buyer
	 * @return the orders ordered by buyer and id
	 */
	List<Order> findPagesByBuyer(Long[] buyerIds, long afterId, int size) {
		return this.jdbc
			.sql("select " + ORDER_COLUMNS + " from ("
					+ " select o.*, row_number() over (partition by o.buyer_id order by o.id) as position"
					+ " from orders o where o.buyer_id = any(?) and o.id > ?"
					+ ") ranked where ranked.position <= ? order by ranked.buyer_id, ranked.id")
			.params(buyerIds, afterId, size)
			.query(OrderRows::order)
			.list();
	}

	/**
	 * The items of several orders, in one statement.
	 * @param orderIds the orders
	 * @return the items ordered by order and line
	 */
	List<OrderItem> findItemsOf(Long[] orderIds) {
		return this.jdbc
			.sql("select id, order_id, line_no, product_id, quantity, unit_price_amount, unit_price_currency"
					+ " from order_item i where i.order_id = any(?) order by i.order_id, i.line_no")
			.param(orderIds)
			.query(OrderRows::item)
			.list();
	}

	private static Order order(ResultSet row, int rowNumber) throws SQLException {
		return Order.read(row.getLong("id"), row.getLong("buyer_id"), OrderStatus.valueOf(row.getString("status")),
				Money.of(row.getBigDecimal("total_amount"), row.getString("total_currency")),
				row.getObject("placed_at", OffsetDateTime.class).toInstant(), row.getString("idempotency_key"),
				row.getString("items_digest"), row.getLong("version"));
	}

	private static OrderItem item(ResultSet row, int rowNumber) throws SQLException {
		return OrderItem.read(row.getLong("id"), row.getLong("order_id"), row.getInt("line_no"),
				row.getLong("product_id"), row.getInt("quantity"),
				Money.of(row.getBigDecimal("unit_price_amount"), row.getString("unit_price_currency")));
	}

}
