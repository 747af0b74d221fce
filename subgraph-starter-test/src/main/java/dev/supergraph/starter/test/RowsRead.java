package dev.supergraph.starter.test;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many rows of a table the statements of the current transaction read from a point
 * on, as PostgreSQL counts them for that transaction alone
 * ({@code pg_stat_xact_user_tables}): rows of sequential scans plus rows fetched by index
 * and bitmap scans, those a filter then dropped included. It shows whether a read is
 * bounded by the page it answers or grows with the table, whatever plan PostgreSQL chose,
 * without timing anything. Use it inside a transaction, with the statements under test on
 * the same connection.
 */
public final class RowsRead {

	private final JdbcTemplate jdbc;

	private final String table;

	private final long start;

	private RowsRead(JdbcTemplate jdbc, String table) {
		this.jdbc = jdbc;
		this.table = table;
		this.start = total();
	}

	/**
	 * Starts counting. It also turns parallel query off for the rest of the transaction:
	 * rows that parallel workers read are counted in the workers' statistics, not in the
	 * transaction's.
	 * @param jdbc a template on the transaction's connection
	 * @param table the table's name
	 * @return the count from now on
	 */
	public static RowsRead from(JdbcTemplate jdbc, String table) {
		jdbc.execute("set local max_parallel_workers_per_gather = 0");
		return new RowsRead(jdbc, table);
	}

	/**
	 * Rows of the table read since {@link #from}.
	 * @return the rows read
	 */
	public long rows() {
		return total() - this.start;
	}

	private long total() {
		Long rows = this.jdbc.queryForObject("select coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0)"
				+ " from pg_stat_xact_user_tables where relname = ?", Long.class, this.table);
		return (rows != null) ? rows : 0;
	}

}
