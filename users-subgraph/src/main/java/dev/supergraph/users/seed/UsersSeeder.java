package dev.supergraph.users.seed;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.supergraph.starter.database.SeedGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the deterministic users of the local run and the benchmarks into an empty
 * database: {@value #USERS} users whose attributes are pure functions of the user id (see
 * {@link SeedUsers}), so the orders seed can reference users 1 to {@value #USERS}.
 * Enabled by {@code users.seed.enabled}; refuses to run with the {@code prod} profile.
 */
@Component
@ConditionalOnBooleanProperty("users.seed.enabled")
class UsersSeeder implements ApplicationRunner {

	static final int USERS = SeedUsers.USERS;

	private static final Logger logger = LoggerFactory.getLogger(UsersSeeder.class);

	private final JdbcTemplate jdbc;

	private final Environment environment;

	UsersSeeder(JdbcTemplate jdbc, Environment environment) {
		SeedGuard.refuseInProduction(environment, "users.seed.enabled");
		this.jdbc = jdbc;
		this.environment = environment;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!SeedGuard.shouldLoad(this.jdbc, this.environment, "users")) {
			return;
		}
		List<Object[]> users = new ArrayList<>();
		for (long id = 1; id <= USERS; id++) {
			users.add(new Object[] { id, SeedUsers.name(id), SeedUsers.email(id),
					SeedUsers.createdAt(id).atOffset(ZoneOffset.UTC) });
		}
		this.jdbc.batchUpdate("insert into users (id, name, email, created_at) values (?, ?, ?, ?)", users);
		logger.info("Seeded {} users", USERS);
	}

}
