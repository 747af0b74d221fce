package dev.supergraph.orders.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import dev.supergraph.starter.money.Money;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link OrderRows} with Spring's {@link JdbcClient}; the columns are those of the
 * {@link Order} and {@link OrderItem} mappings.
 */
class OrderRowsImpl implements OrderRows {

	private static final String ORDER_COLUMNS = "id, buyer_id, status, total_amount, total_currency, placed_at, "
			+ "idempotency_key, items_digest, version";

	private final JdbcClient jdbc;

	OrderRowsImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Order> findOneById(long id) {
		return this.jdbc.sql("select " + ORDER_COLUMNS + " from orders o where o.id = ?")
			.param(id)
			.query(OrderRowsImpl::order)
			.optional();
	}

	@Override
	public List<Order> findByIdIn(Long[] ids) {
		return this.jdbc.sql("select " + ORDER_COLUMNS + " from orders o where o.id = any(?)")
			.param(ids)
			.query(OrderRowsImpl::order)
			.list();
	}

	@Override
	public List<Order> findPagesByBuyer(Long[] buyerIds, long afterId, int size) {
		return this.jdbc
			.sql("select " + ORDER_COLUMNS + " from ("
					+ " select o.*, row_number() over (partition by o.buyer_id order by o.id) as position"
					+ " from orders o where o.buyer_id = any(?) and o.id > ?"
					+ ") ranked where ranked.position <= ? order by ranked.buyer_id, ranked.id")
			.params(buyerIds, afterId, size)
			.query(OrderRowsImpl::order)
			.list();
	}

	@Override
	public List<OrderItem> findItemsOf(Long[] orderIds) {
		return this.jdbc
			.sql("select id, order_id, line_no, product_id, quantity, unit_price_amount, unit_price_currency"
					+ " from order_item i where i.order_id = any(?) order by i.order_id, i.line_no")
			.param(orderIds)
			.query(OrderRowsImpl::item)
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
