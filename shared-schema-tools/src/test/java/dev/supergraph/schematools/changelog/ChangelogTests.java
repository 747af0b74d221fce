package dev.supergraph.schematools.changelog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import dev.supergraph.schematools.check.CheckPolicy;
import dev.supergraph.schematools.check.SchemaCheck;
import dev.supergraph.schematools.check.SchemaPair;
import dev.supergraph.schematools.check.TargetReport;
import dev.supergraph.schematools.schema.SchemaLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ChangelogTests {

	private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

	@Test
	void entryGroupsBySubgraphAndCategoryWithTheImpliedBump() {
		List<TargetReport> targets = List.of(
				target("catalog", "type Query { a: Int b: String }", "type Query { a: Int c: String }"),
				target("users", "type Query { me: String }", "type Query { me: String \"Who.\" you: String }"));
		String entry = ChangelogEntry.render(targets, DAY, "PR 42");
		assertThat(entry).isEqualTo("""
				## 2026-11-25 — PR 42

				Semantic version bump: **major**

				### catalog

				#### Breaking

				- `Query.b`: field removed

				#### Safe

				- `Query.c`: field added

				### users

				#### Safe

				- `Query.you`: field added
				""");
	}

	@Test
	void bumpIsMinorForAdditionsPatchForDescriptionsAndNoneWithoutChanges() {
		assertThat(SemverBump.of(target("s", "type Query { a: Int }", "type Query { a: Int b: Int }").findings()))
			.isEqualTo(SemverBump.MINOR);
		assertThat(SemverBump.of(target("s", "type Query { a: Int }", "type Query { \"A.\" a: Int }").findings()))
			.isEqualTo(SemverBump.PATCH);
		assertThat(SemverBump.of(target("s", "type Query { a: Int }", "type Query { a: Int }").findings()))
			.isEqualTo(SemverBump.NONE);
	}

	@Test
	void aFieldDeprecatedWithANamedReplacementCarriesItsMigration() {
		String entry = ChangelogEntry.render(List.of(target("catalog", "type Query { code: String sku: String }",
				"type Query { code: String @deprecated(reason: \"Use `sku`. Removal after 2030-01-01\") sku: String }")),
				DAY, "");
		assertThat(entry).contains("- `Query.code`: deprecation added `Use `sku`. Removal after 2030-01-01`; migration:"
				+ " select `code: sku` instead of `code` (`schema-tools migrate --write` rewrites the operations)\n");
		String enumEntry = ChangelogEntry.render(List.of(target("orders", "type Query { s: S } enum S { OLD NEW }",
				"type Query { s: S } enum S { OLD @deprecated(reason: \"Use `NEW`. Removal after 2030-01-01\") NEW }")),
				DAY, "");
		assertThat(enumEntry).contains("`S.OLD`: deprecation added").doesNotContain("migration:");
		String free = ChangelogEntry.render(List.of(target("catalog", "type Query { code: String sku: String }",
				"type Query { code: String @deprecated(reason: \"Use sku. Removal after 2030-01-01\") sku: String }")),
				DAY, "");
		assertThat(free).doesNotContain("migration:");
	}

	@Test
	void appendingCreatesTheChangelogWithAHeadingThenAppends(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("docs/schema-changelog.md");
		ChangelogFile.append(file, "## first\n");
		ChangelogFile.append(file, "## second\n");
		assertThat(Files.readString(file)).startsWith("# Schema changelog\n").endsWith("\n## first\n\n## second\n");
	}

	private static TargetReport target(String name, String before, String after) {
		SchemaPair pair = new SchemaPair(name, SchemaLoader.subgraph(before, "old"),
				SchemaLoader.subgraph(after, "new"), true, "");
		return new SchemaCheck(CheckPolicy.defaults(DAY)).target(pair, List.of());
	}

}
