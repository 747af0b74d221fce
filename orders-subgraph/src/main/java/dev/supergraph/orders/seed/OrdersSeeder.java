package dev.supergraph.orders.seed;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.supergraph.orders.order.ItemsDigest;
import dev.supergraph.starter.database.SeedLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the deterministic orders of the local run and the benchmarks into an empty
 * database: orders of users 1 to {@value SeedOrders#USERS} for catalog products 1 to
 * {@value SeedOrders#PRODUCTS} at their seed prices (see {@link SeedOrders}). Enabled by
 * {@code orders.seed.enabled}; refuses to run with the {@code prod} profile.
 */
@Component
@ConditionalOnBooleanProperty(OrdersSeeder.SWITCH)
class OrdersSeeder extends SeedLoader {

	static final String SWITCH = "orders.seed.enabled";

	private static final Logger logger = LoggerFactory.getLogger(OrdersSeeder.class);

	OrdersSeeder(JdbcTemplate jdbc, Environment environment) {
		super(jdbc, environment, SWITCH, "orders");
	}

	@Override
	protected void load(JdbcTemplate jdbc) {
		List<Object[]> orders = new ArrayList<>();
		List<Object[]> items = new ArrayList<>();
		long orderId = 0;
		for (long userId = 1; userId <= SeedOrders.USERS; userId++) {
			for (int n = 0; n < SeedOrders.ordersOf(userId); n++) {
				orderId++;
				orders.add(order(orderId, userId, items));
			}
		}
		jdbc.batchUpdate("insert into orders (id, buyer_id, status, total_amount, total_currency, placed_at, "
				+ "idempotency_key, items_digest) values (?, ?, ?, ?, 'EUR', ?, ?, ?)", orders);
		jdbc.batchUpdate("insert into order_item (order_id, line_no, product_id, quantity, unit_price_amount, "
				+ "unit_price_currency) values (?, ?, ?, ?, ?, 'EUR')", items);
		jdbc.execute("select setval(pg_get_serial_sequence('orders', 'id'), " + orderId + ")");
		logger.info("Seeded {} orders with {} items", orders.size(), items.size());
	}

	private static Object[] order(long orderId, long userId, List<Object[]> items) {
		BigDecimal total = BigDecimal.ZERO;
		Map<Long, Integer> quantities = new HashMap<>();
		for (int line = 0; line < SeedOrders.linesOf(orderId); line++) {
			long productId = SeedOrders.productOf(orderId, line);
			int quantity = SeedOrders.quantityOf(orderId, line);
			BigDecimal price = SeedOrders.catalogPrice(productId);
			items.add(new Object[] { orderId, line, productId, quantity, price });
			total = total.add(price.multiply(BigDecimal.valueOf(quantity)));
			quantities.put(productId, quantity);
		}
		return new Object[] { orderId, userId, SeedOrders.statusOf(orderId), total,
				SeedOrders.placedAt(orderId).atOffset(ZoneOffset.UTC), SeedOrders.idempotencyKey(orderId),
				ItemsDigest.of(quantities) };
	}

}
