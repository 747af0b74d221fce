package dev.supergraph.users.seed;

import org.junit.jupiter.api.Test;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The seed never touches a production database.
 */
class UsersSeederTests {

	@Test
	void seederRefusesTheProdProfileBeforeTouchingTheDatabase() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("prod");
		UsersSeeder seeder = new UsersSeeder(new JdbcTemplate(), environment);
		assertThatIllegalStateException().isThrownBy(() -> seeder.run(new DefaultApplicationArguments()))
			.withMessageContaining("production");
	}

}
