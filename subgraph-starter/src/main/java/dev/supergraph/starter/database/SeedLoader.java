package dev.supergraph.starter.database;

import java.util.function.LongFunction;
import java.util.stream.LongStream;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a subgraph's seed data by the rules of {@link SeedGuard}: a seeder is refused
 * with the {@code prod} profile when it is created, and its rows are written only into an
 * empty database, in one transaction, when the application has started. A subgraph's
 * seeder extends it as a {@code @Component} switched on by
 * {@code @ConditionalOnBooleanProperty("<subgraph>.seed.enabled")} and writes its rows in
 * {@link #load}.
 */
public abstract class SeedLoader implements ApplicationRunner {

	private final JdbcTemplate jdbc;

	private final Environment environment;

	private final String table;

	/**
	 * A loader refused with the {@code prod} profile.
	 * @param jdbc the subgraph's database
	 * @param environment the environment, for its active profiles
	 * @param property the seeder's switch, e.g. {@code users.seed.enabled}
	 * @param table the seed's main table, empty until the seed is loaded (a constant,
	 * never user input)
	 */
	protected SeedLoader(JdbcTemplate jdbc, Environment environment, String property, String table) {
		SeedGuard.refuseInProduction(environment, property);
		this.jdbc = jdbc;
		this.environment = environment;
		this.table = table;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (SeedGuard.shouldLoad(this.jdbc, this.environment, this.table)) {
			load(this.jdbc);
		}
	}

	/**
	 * Writes the seed rows, in the transaction of {@link #run}.
	 * @param jdbc the subgraph's database, whose seed table is empty
	 */
	protected abstract void load(JdbcTemplate jdbc);

	/**
	 * Inserts one row for each id from 1 to {@code lastId}, in one batch: seed rows are
	 * pure functions of their id.
	 * @param jdbc the subgraph's database
	 * @param insert the insert statement, with a parameter per column
	 * @param lastId the last id
	 * @param row the row's parameters for an id
	 */
	protected static void insertOneRowPerId(JdbcTemplate jdbc, String insert, long lastId, LongFunction<Object[]> row) {
		jdbc.batchUpdate(insert, LongStream.rangeClosed(1, lastId).mapToObj(row).toList());
	}

}
