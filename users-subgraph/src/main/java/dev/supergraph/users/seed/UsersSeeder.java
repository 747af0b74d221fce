package dev.supergraph.users.seed;

import java.time.ZoneOffset;

import dev.supergraph.starter.database.SeedLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the deterministic users of the local run and the benchmarks into an empty
 * database: {@value #USERS} users whose attributes are pure functions of the user id (see
 * {@link SeedUsers}), so the orders seed can reference users 1 to {@value #USERS}.
 * Enabled by {@code users.seed.enabled}; refuses to run with the {@code prod} profile.
 */
@Component
@ConditionalOnBooleanProperty(UsersSeeder.SWITCH)
class UsersSeeder extends SeedLoader {

	static final String SWITCH = "users.seed.enabled";

	static final int USERS = SeedUsers.USERS;

	private static final Logger logger = LoggerFactory.getLogger(UsersSeeder.class);

	UsersSeeder(JdbcTemplate jdbc, Environment environment) {
		super(jdbc, environment, SWITCH, "users");
	}

	@Override
	protected void load(JdbcTemplate jdbc) {
		insertOneRowPerId(jdbc, "insert into users (id, name, email, created_at) values (?, ?, ?, ?)", USERS,
				(id) -> new Object[] { id, SeedUsers.name(id), SeedUsers.email(id),
						SeedUsers.createdAt(id).atOffset(ZoneOffset.UTC) });
		logger.info("Seeded {} users", USERS);
	}

}
