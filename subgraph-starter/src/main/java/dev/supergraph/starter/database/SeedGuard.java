package dev.supergraph.starter.database;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rules every subgraph's seed data follows: never with the {@code prod} profile, and
 * only into an empty table, so a restart keeps what the local run changed.
 */
public final class SeedGuard {

	private SeedGuard() {
	}

	/**
	 * Refuses a seeder with the {@code prod} profile when it is created, before the
	 * subgraph serves: reported by Spring Boot as the setting, where it came from and the
	 * rule, without a stack trace.
	 * @param environment the environment, for its active profiles
	 * @param property the seeder's switch, e.g. {@code users.seed.enabled}
	 * @throws InvalidConfigurationPropertyValueException with the {@code prod} profile
	 */
	public static void refuseInProduction(Environment environment, String property) {
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new InvalidConfigurationPropertyValueException(property, environment.getProperty(property),
					"seed data is never loaded with the prod profile");
		}
	}

	/**
	 * Whether seed rows should be loaded now.
	 * @param jdbc the subgraph's database
	 * @param environment the environment, for its active profiles
	 * @param table the seed's main table (a constant, never user input)
	 * @return {@code true} when the table is empty
	 * @throws IllegalStateException with the {@code prod} profile
	 */
	public static boolean shouldLoad(JdbcTemplate jdbc, Environment environment, String table) {
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new IllegalStateException("Seed data is never loaded in production");
		}
		return !Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from " + table + ")", Boolean.class));
	}

}
