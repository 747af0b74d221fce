package dev.supergraph.orders.order;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

import dev.supergraph.starter.money.Money;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Orders and their items, through {@link JdbcClient}: plain JDBC, no persistence context.
 * For a read, Spring Data's shared entity manager and Hibernate's native-query result
 * mapping had cost more than the statements (9 % of the request threads' time for a
 * user's orders with their items, by profile); a write is one statement per table (the
 * items of an order in one insert; why no ORM at all: docs/dependencies.md). Keys and
 * items are bound as arrays, so each statement text is the same for every batch size. A
 * plain bean, not a Spring Data repository, so no repository proxy intercepts each call.
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
		// Each buyer's page is a lateral subquery that stops at its limit; numbering the
		// rows of all the buyers asked for read every order they ever placed.
		return this.jdbc
			.sql("select " + ORDER_COLUMNS
					+ " from (select distinct unnest(?::bigint[])) as b(buyer) cross join lateral ("
					+ " select * from orders q where q.buyer_id = b.buyer and q.id > ? order by q.id limit ?"
					+ ") o order by buyer_id, id")
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

	/**
	 * An order of a buyer.
	 * @param id the order's id
	 * @param buyerId the buyer
	 * @return the order, if it is the buyer's
	 */
	Optional<Order> findOneByIdAndBuyerId(long id, long buyerId) {
		return this.jdbc.sql("select " + ORDER_COLUMNS + " from orders o where o.id = ? and o.buyer_id = ?")
			.params(id, buyerId)
			.query(OrderRows::order)
			.optional();
	}

	/**
	 * The order a buyer placed with an idempotency key.
	 * @param buyerId the buyer
	 * @param idempotencyKey the buyer's key of the placement
	 * @return the order, if the key was used
	 */
	Optional<Order> findOneByBuyerIdAndIdempotencyKey(long buyerId, String idempotencyKey) {
		return this.jdbc
			.sql("select " + ORDER_COLUMNS + " from orders o where o.buyer_id = ? and o.idempotency_key = ?")
			.params(buyerId, idempotencyKey)
			.query(OrderRows::order)
			.optional();
	}

	/**
	 * Stores a new order; a second use of its buyer's idempotency key fails on the unique
	 * constraint.
	 * @param order the order
	 * @return the order with the id the database gave it
	 */
	Order insert(Order order) {
		long id = this.jdbc.sql("""
				insert into orders (buyer_id, status, total_amount, total_currency, placed_at, idempotency_key,
				  items_digest)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(order.getBuyerId(), order.getStatus().name(), order.getTotal().decimal(),
					order.getTotal().currency(), order.getPlacedAt().atOffset(ZoneOffset.UTC),
					order.getIdempotencyKey(), order.getItemsDigest())
			.query(Long.class)
			.single();
		return order.stored(id);
	}

	/**
	 * Stores an order's items with one statement, whatever their number.
	 * @param items the items of one order
	 */
	void insertItems(List<OrderItem> items) {
		this.jdbc
			.sql("""
					insert into order_item (order_id, line_no, product_id, quantity, unit_price_amount, unit_price_currency)
					select * from unnest(?::bigint[], ?::integer[], ?::bigint[], ?::integer[], ?::numeric[], ?::varchar[])""")
			.params(column(items, OrderItem::getOrderId, Long[]::new),
					column(items, OrderItem::getLineNo, Integer[]::new),
					column(items, OrderItem::getProductId, Long[]::new),
					column(items, OrderItem::getQuantity, Integer[]::new),
					column(items, (item) -> item.getUnitPrice().decimal(), BigDecimal[]::new),
					column(items, (item) -> item.getUnitPrice().currency(), String[]::new))
			.update();
	}

	/**
	 * Stores an order's changed status, unless another transaction changed the order
	 * since it was read.
	 * @param order the order
	 * @throws OptimisticLockingFailureException if the order's version has moved on
	 */
	void updateStatus(Order order) {
		int updated = this.jdbc.sql("update orders set status = ?, version = version + 1 where id = ? and version = ?")
			.params(order.getStatus().name(), order.getId(), order.getVersion())
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("Order " + order.getId() + " was changed concurrently");
		}
	}

	private static <T> T[] column(List<OrderItem> items, Function<OrderItem, ? extends T> value,
			IntFunction<T[]> array) {
		return items.stream().map(value).toArray(array);
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
