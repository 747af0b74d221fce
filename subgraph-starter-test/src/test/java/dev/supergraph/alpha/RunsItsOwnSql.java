package dev.supergraph.alpha;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs SQL past the application's template, in each way the rule forbids. */
public class RunsItsOwnSql {

	JdbcTemplate template(DataSource dataSource) {
		return new JdbcTemplate(dataSource);
	}

	JdbcClient client(DataSource dataSource) {
		return JdbcClient.create(dataSource);
	}

	Connection connection(DataSource dataSource) throws SQLException {
		return dataSource.getConnection();
	}

}
