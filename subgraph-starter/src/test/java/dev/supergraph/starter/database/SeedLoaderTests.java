package dev.supergraph.starter.database;

import java.io.IOException;
import java.util.List;

import dev.supergraph.starter.testsubgraph.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A seeder built on {@link SeedLoader}, as a bean of a real application context on real
 * PostgreSQL (a temporary table of the context's one connection): its rows are loaded
 * only into an empty table, and all or none of them.
 */
class SeedLoaderTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(ProbeConfiguration.class);

	@Test
	void theRowsAreLoadedOnlyIntoAnEmptyTable() {
		this.contexts.run((context) -> {
			ProbeSeeder seeder = context.getBean(ProbeSeeder.class);
			seeder.run(new DefaultApplicationArguments());
			seeder.run(new DefaultApplicationArguments());
			assertThat(names(context.getBean(JdbcTemplate.class))).containsExactly("probe 1", "probe 2", "probe 3");
		});
	}

	@Test
	void aLoadThatFailsLeavesNoRowBehind() {
		this.contexts.withPropertyValues("probe.fail=true").run((context) -> {
			ProbeSeeder seeder = context.getBean(ProbeSeeder.class);
			assertThatIllegalStateException().isThrownBy(() -> seeder.run(new DefaultApplicationArguments()))
				.withMessage("the seed failed after its rows");
			assertThat(names(context.getBean(JdbcTemplate.class))).isEmpty();
		});
	}

	private static List<String> names(JdbcTemplate jdbc) {
		return jdbc.queryForList("select name from seed_probe order by id", String.class);
	}

	/**
	 * Class proxies, as Spring Boot's {@code spring.aop.proxy-target-class} makes them.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement(proxyTargetClass = true)
	static class ProbeConfiguration {

		@Bean
		SingleConnectionDataSource dataSource() throws IOException {
			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(TestPostgres.url(), true);
			new JdbcTemplate(dataSource)
				.execute("create temporary table seed_probe (id bigint primary key, name text)");
			return dataSource;
		}

		@Bean
		JdbcTemplate jdbcTemplate(SingleConnectionDataSource dataSource) {
			return new JdbcTemplate(dataSource);
		}

		@Bean
		DataSourceTransactionManager transactionManager(SingleConnectionDataSource dataSource) {
			return new DataSourceTransactionManager(dataSource);
		}

		@Bean
		ProbeSeeder probeSeeder(JdbcTemplate jdbc, Environment environment) {
			return new ProbeSeeder(jdbc, environment);
		}

	}

	static class ProbeSeeder extends SeedLoader {

		private final boolean fail;

		ProbeSeeder(JdbcTemplate jdbc, Environment environment) {
			super(jdbc, environment, "probe.seed.enabled", "seed_probe");
			this.fail = environment.getProperty("probe.fail", Boolean.class, false);
		}

		@Override
		protected void load(JdbcTemplate jdbc) {
			insertOneRowPerId(jdbc, "insert into seed_probe (id, name) values (?, ?)", 3,
					(id) -> new Object[] { id, "probe " + id });
			if (this.fail) {
				throw new IllegalStateException("the seed failed after its rows");
			}
		}

	}

}
