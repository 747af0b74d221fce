package dev.supergraph.starter.test.release;

import java.nio.file.Path;
import java.util.List;

import dev.supergraph.starter.test.ExecutedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The release record: one entry per statement text, checked against the committed file
 * with a message that says how to record it again.
 */
class RecordReleaseStatementsTests {

	static final ExecutedStatement BY_IDS = new ExecutedStatement("select * from item where id = any(?)",
			List.of("BIGINT[]"), List.of("id", "note"));

	static final ExecutedStatement INSERT = new ExecutedStatement("insert into item (id, note) values (?, ?)",
			List.of("BIGINT", "VARCHAR"), List.of());

	@Test
	void distinctStatementsSortedByTextWithTheTypesOfBoundValues() {
		ExecutedStatement insertOfNull = new ExecutedStatement(INSERT.sql(), List.of("BIGINT", "NULL(VARCHAR)"),
				List.of());
		ReleaseStatements release = ReleaseStatements.of("3", List.of(BY_IDS, insertOfNull, BY_IDS, INSERT));
		assertThat(release).isEqualTo(new ReleaseStatements("3", List.of(INSERT, BY_IDS)));
	}

	@Test
	void recordedStatementsPassAndTheFileRoundTrips(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("statements.json");
		ReleaseStatements release = ReleaseStatements.of("3", List.of(BY_IDS, INSERT));
		release.write(file);
		assertThat(ReleaseStatements.read(file)).isEqualTo(release);
		assertThatNoException().isThrownBy(() -> new RecordReleaseStatements(file).check(release, "XTests"));
	}

	@Test
	void aNewOrAGoneStatementOrMigrationFailsWithHowToRecord(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("statements.json");
		ReleaseStatements.of("3", List.of(BY_IDS)).write(file);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(
					() -> new RecordReleaseStatements(file).check(ReleaseStatements.of("4", List.of(INSERT)), "XTests"))
			.withMessage("The release record " + file + " is out of date:\n  newest migration is 4, recorded 3\n"
					+ "  not recorded: " + INSERT + "\n  no longer issued: " + BY_IDS + "\n"
					+ "record it with ./mvnw verify -pl <module> -am -Dtest=XTests "
					+ "-Dsurefire.failIfNoSpecifiedTests=false -Dsubgraph.release.record=true, "
					+ "review the diff and commit it (docs/migrations.md)");
	}

	@Test
	void aMissingFileFailsWithHowToRecord(@TempDir Path directory) {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> new RecordReleaseStatements(directory.resolve("none.json"))
				.check(ReleaseStatements.of("1", List.of(BY_IDS)), "XTests"))
			.withMessageContaining("-Dtest=XTests")
			.withMessageContaining("-Dsubgraph.release.record=true");
	}

}
