package dev.supergraph.orders.seed;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The seed orders as pure functions of user, order and line numbers (documented in
 * {@code docs/seed-data.md}). Products and prices follow the catalog's seed rule,
 * restated here rather than imported: subgraphs share data only through the graph.
 */
final class SeedOrders {

	static final int USERS = 500;

	static final int PRODUCTS = 5000;

	private static final Instant FIRST_PLACED_AT = Instant.parse("2026-01-01T00:00:00Z");

	private SeedOrders() {
	}

	/** 1 to 10 orders per user, 2,750 in all. */
	static int ordersOf(long userId) {
		return (int) (1 + (userId * 7) % 10);
	}

	/** 1 to 5 lines per order. */
	static int linesOf(long orderId) {
		return (int) (1 + (orderId * 31) % 5);
	}

	/** Distinct within an order, since 1009 * line stays below 5000 for 5 lines. */
	static long productOf(long orderId, int line) {
		return 1 + (orderId * 97 + line * 1009L) % PRODUCTS;
	}

	static int quantityOf(long orderId, int line) {
		return (int) (1 + (orderId + line) % 3);
	}

	/** The catalog's seed price of a product, in EUR: 499 + (id * 7919) % 20000 cents. */
	static BigDecimal catalogPrice(long productId) {
		return BigDecimal.valueOf(499 + (productId * 7919) % 20000, 2);
	}

	static String statusOf(long orderId) {
		int bucket = (int) (orderId % 10);
		if (bucket <= 3) {
			return "SHIPPED";
		}
		if (bucket <= 6) {
			return "PAID";
		}
		return (bucket <= 8) ? "PLACED" : "CANCELLED";
	}

	static Instant placedAt(long orderId) {
		return FIRST_PLACED_AT.plus(Duration.ofMinutes(orderId * 47));
	}

	static String idempotencyKey(long orderId) {
		return "seed-" + orderId;
	}

}
