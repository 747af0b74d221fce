package dev.supergraph.schematools.changelog;

import java.nio.file.Path;

import dev.supergraph.schematools.SchemaToolsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SchemaVersionTests {

	@Test
	void aChangelogWithoutEntriesIsTheInitialVersion() {
		assertThat(SchemaVersion.ofText(ChangelogFile.HEADING)).hasToString("1.0.0");
		assertThat(SchemaVersion.of(Path.of("no-such-changelog.md"))).isEqualTo(SchemaVersion.INITIAL);
	}

	@Test
	void everyEntryAppliesItsBumpInOrder() {
		String changelog = ChangelogFile.HEADING + """

				## 2026-11-01

				Semantic version bump: **minor**

				## 2026-11-02

				Semantic version bump: **patch**

				## 2026-11-03

				Semantic version bump: **major**

				## 2026-11-04

				Semantic version bump: **minor**

				## 2026-11-05

				Semantic version bump: **patch**
				""";
		assertThat(SchemaVersion.ofText(changelog)).hasToString("2.1.1");
	}

	@Test
	void aMajorBumpResetsMinorAndPatch() {
		assertThat(SchemaVersion.parse("1.4.2").bump(SemverBump.MAJOR)).hasToString("2.0.0");
		assertThat(SchemaVersion.parse("1.4.2").bump(SemverBump.MINOR)).hasToString("1.5.0");
		assertThat(SchemaVersion.parse("1.4.2").bump(SemverBump.NONE)).hasToString("1.4.2");
	}

	@Test
	void unreadableVersionsAreInputErrors() {
		assertThatExceptionOfType(SchemaToolsException.class)
			.isThrownBy(() -> SchemaVersion.ofText("Semantic version bump: **huge**\n"))
			.withMessage("unknown semantic version bump in the changelog: huge");
		assertThatExceptionOfType(SchemaToolsException.class).isThrownBy(() -> SchemaVersion.parse("1.0"))
			.withMessage("not a version (major.minor.patch): 1.0");
	}

}
