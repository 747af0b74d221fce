package dev.supergraph.starter.observability;

import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application's {@link JdbcTemplate} (and so its {@code JdbcClient}), counting every
 * statement it runs: {@code JdbcTemplate} prepares each statement it creates, whatever
 * the kind of call (query, update, batch, stream), through
 * {@link #applyStatementSettings}, once and just before running it.
 */
final class CountingJdbcTemplate extends JdbcTemplate {

	private final SqlStatementCounts counts;

	CountingJdbcTemplate(DataSource dataSource, SqlStatementCounts counts) {
		super(dataSource);
		this.counts = counts;
	}

	@Override
	protected void applyStatementSettings(Statement statement) throws SQLException {
		super.applyStatementSettings(statement);
		this.counts.statement();
	}

}
