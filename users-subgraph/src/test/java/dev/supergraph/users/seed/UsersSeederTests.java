package dev.supergraph.users.seed;

import org.junit.jupiter.api.Test;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The seed never touches a production database, and a production start that asks for it
 * stops before serving, naming the setting.
 */
class UsersSeederTests {

	@Test
	void aSeederWithTheProdProfileIsRefusedWhenItIsCreatedNamingItsSetting() {
		MockEnvironment environment = new MockEnvironment().withProperty("users.seed.enabled", "true");
		environment.setActiveProfiles("prod");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> new UsersSeeder(new JdbcTemplate(), environment))
			.satisfies((refused) -> {
				assertThat(refused.getName()).isEqualTo("users.seed.enabled");
				assertThat(refused.getReason()).isEqualTo("seed data is never loaded with the prod profile");
			});
	}

	@Test
	void seederRefusesTheProdProfileBeforeTouchingTheDatabase() {
		MockEnvironment environment = new MockEnvironment();
		UsersSeeder seeder = new UsersSeeder(new JdbcTemplate(), environment);
		environment.setActiveProfiles("prod");
		assertThatIllegalStateException().isThrownBy(() -> seeder.run(new DefaultApplicationArguments()))
			.withMessageContaining("production");
	}

}
