package dev.supergraph.orders.order;

import java.util.List;

import dev.supergraph.starter.test.RowsRead;
import dev.supergraph.starter.test.SubgraphTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of a buyer's orders reads that page, however many orders the buyer has placed:
 * the test gives two buyers 20,000 orders each in a transaction that it rolls back, and
 * counts the rows PostgreSQL read for the pages ({@link RowsRead}).
 */
@SubgraphTest
class LargeOrderHistoryReadsTests {

	private static final Long[] BUYERS = { 401L, 402L };

	@Autowired
	OrderRows orders;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void pagesOfBuyersWithLongHistoriesReadTheirPagesOnly() {
		this.transactions.executeWithoutResult((transaction) -> {
			transaction.setRollbackOnly();
			this.jdbc.update(
					"""
							insert into orders (buyer_id, status, total_amount, total_currency, placed_at, idempotency_key, items_digest)
							select b, 'PAID', 10.00, 'EUR', now(), 'large-' || g, repeat('0', 64)
							from generate_series(1, 20000) g cross join unnest(?::bigint[]) b""",
					(Object) BUYERS);
			this.jdbc.execute("analyze orders");
			RowsRead reads = RowsRead.from(this.jdbc, "orders");
			List<Order> pages = this.orders.findPagesByBuyer(BUYERS, 0, 6);
			assertThat(pages).hasSize(12);
			assertThat(reads.rows()).isLessThan(1_000);
		});
	}

}
