package dev.supergraph.starter.test.release;

import java.nio.file.Path;
import java.util.List;

import dev.supergraph.starter.test.TestDatabases.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The previous release of a fixture subgraph
 * ({@code release/fixture-previous-statements.json}: it reads and writes
 * {@code item.in_stock}) against fixture migrations on real PostgreSQL: expand steps
 * pass, a contract step that comes too early and a new required column fail.
 */
class ExpandContractTests {

	static final Path PREVIOUS = Path.of("src/test/resources/release/fixture-previous-statements.json");

	@Test
	void previousReleaseRunsAfterAnExpandStep() {
		ExpandContract release = new ExpandContract("db/fixture-expand", PREVIOUS);
		assertThatNoException().isThrownBy(release::assertPreviousReleaseRunsOnTheNewestSchema);
		assertThatNoException().isThrownBy(release::assertMigrationsSinceThePreviousReleaseOnlyExpand);
	}

	@Test
	void flywayOfThePreviousReleaseIgnoresTheNewerMigrations() {
		TestDatabase database = new ExpandContract("db/fixture-expand", PREVIOUS).migratedDatabase();
		Flyway previousRelease = Flyway.configure()
			.dataSource(database.url(), database.username(), database.password())
			.locations("classpath:db/fixture-previous")
			.load();
		assertThatNoException().isThrownBy(previousRelease::validate);
		assertThat(previousRelease.migrate().migrationsExecuted).isZero();
		assertThat(previousRelease.info().current().getVersion().getVersion()).isEqualTo("2");
	}

	@Test
	void contractStepDroppingAColumnThePreviousReleaseUsesFailsTheReplay() throws Exception {
		ExpandContract release = new ExpandContract("db/fixture-contract", PREVIOUS);
		List<String> refused = release.previousReleaseRefused();
		assertThat(refused).hasSize(3);
		assertThat(refused.get(0)).startsWith("42703 ERROR: column \"in_stock\" of relation \"item\" does not exist")
			.endsWith("insert into item (id, name, price, in_stock) values (?, ?, ?, ?)");
		assertThat(refused.get(1)).startsWith("the result lacks the columns [in_stock] that the release reads")
			.endsWith("select i.* from item i where i.name like ?");
		assertThat(refused.get(2)).startsWith("42703 ERROR: column i.in_stock does not exist")
			.endsWith("select i.id, i.name, i.in_stock from item i where i.id = any(?)");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(release::assertPreviousReleaseRunsOnTheNewestSchema)
			.withMessageStartingWith("The previous release (" + PREVIOUS + ") cannot run on the migrations in "
					+ "db/fixture-contract: a contract step came too early");
	}

	@Test
	void requiredColumnWithoutDefaultFailsTheReplayAndTheLint() throws Exception {
		ExpandContract release = new ExpandContract("db/fixture-required", PREVIOUS);
		List<String> refused = release.previousReleaseRefused();
		assertThat(refused).singleElement()
			.asString()
			.startsWith("23502 ERROR: null value in column \"code\" of relation \"item\" violates not-null constraint")
			.endsWith("insert into item (id, name, price, in_stock) values (?, ?, ?, ?)");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(release::assertMigrationsSinceThePreviousReleaseOnlyExpand)
			.withMessageEndingWith("\n  V2__item_code.sql adds a NOT NULL column without a default");
	}

	@Test
	void unmarkedDropFailsTheLintWhileAMarkedContractStepIsLeftToTheReplay() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(
				new ExpandContract("db/fixture-unmarked", PREVIOUS)::assertMigrationsSinceThePreviousReleaseOnlyExpand)
			.withMessageStartingWith("Migrations after the previous release (version 1) must only expand the schema")
			.withMessageEndingWith("\n  V2__drop_item_in_stock.sql drops a column");
		assertThatNoException().isThrownBy(
				new ExpandContract("db/fixture-contract", PREVIOUS)::assertMigrationsSinceThePreviousReleaseOnlyExpand);
	}

	@Test
	void migrationsThePreviousReleaseRanOnAreNotLinted(@TempDir Path directory) throws Exception {
		Path previous = directory.resolve("previous-statements.json");
		new ReleaseStatements("2", ReleaseStatements.read(PREVIOUS).statements()).write(previous);
		assertThatNoException().isThrownBy(
				new ExpandContract("db/fixture-unmarked", previous)::assertMigrationsSinceThePreviousReleaseOnlyExpand);
	}

	@Test
	void missingRecordOfThePreviousReleaseSaysWhatToDo(@TempDir Path directory) {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(new ExpandContract("db/fixture-expand",
					directory.resolve("none.json"))::assertPreviousReleaseRunsOnTheNewestSchema)
			.withMessageContaining("copy release/statements.json there when a release ships");
	}

}
