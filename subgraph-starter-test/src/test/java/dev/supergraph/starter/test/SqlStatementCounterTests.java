package dev.supergraph.starter.test;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import dev.supergraph.starter.observability.SqlMetricsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter reads the starter's round-trip metric and keeps the text of each statement,
 * both since its last reset, for every data source of a test application.
 */
class SqlStatementCounterTests {

	final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(SqlMetricsAutoConfiguration.class, StatementCountingAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withBean(DataSource.class, SqlStatementCounterTests::testDatabase);

	@Test
	void countsStatementsAndKeepsTheirTextsSinceTheLastReset() {
		this.runner.run((context) -> {
			SqlStatementCounter statements = context.getBean(SqlStatementCounter.class);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			jdbc.execute("select 0");
			statements.reset();
			jdbc.queryForObject("select ?::int", Integer.class, 1);
			jdbc.queryForObject("select cardinality(?::int[])", Integer.class, "{1,2,3}");
			assertThat(statements.statements()).isEqualTo(2);
			assertThat(statements.texts()).containsExactly("select ?::int", "select cardinality(?::int[])");
			statements.reset();
			assertThat(statements.statements()).isZero();
			assertThat(statements.texts()).isEmpty();
		});
	}

	@Test
	void keepsTheJdbcTypeOfEachParameterButNotItsValueAndTheColumnsOfTheResult() {
		this.runner.run((context) -> {
			SqlStatementCounter statements = context.getBean(SqlStatementCounter.class);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			statements.reset();
			String sql = "select ?::bigint as id, ?::varchar as note, ?::bigint[], ?::timestamptz as at";
			jdbc.query(sql, (PreparedStatement statement) -> {
				statement.setNull(2, Types.VARCHAR);
				statement.setLong(1, 7);
				statement.setArray(3, statement.getConnection().createArrayOf("int8", new Long[] { 1L, 2L }));
				statement.setObject(4, OffsetDateTime.now());
			}, (row) -> {
			});
			assertThat(statements.executed()).containsExactly(new ExecutedStatement(sql,
					List.of("BIGINT", "NULL(VARCHAR)", "BIGINT[]", "TIMESTAMP_WITH_TIMEZONE"),
					List.of("id", "note", "int8", "at")));
		});
	}

	private static DataSource testDatabase() {
		TestDatabases.TestDatabase database = TestDatabases.forName("starter-test");
		return new DriverManagerDataSource(database.url(), database.username(), database.password());
	}

}
