package dev.supergraph.schematools.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.supergraph.schematools.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LintAndChangelogCommandTests {

	@TempDir
	Path work;

	@Test
	void lintPassesTheGoldenSchemasWithWarningsOnly() {
		CliRun run = CliRun.of("lint", Fixtures.path("subgraphs/catalog.graphql").toString(),
				Fixtures.path("subgraphs/orders.graphql").toString(),
				Fixtures.path("subgraphs/users.graphql").toString());
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("catalog: ", "WARNING descriptions", "lint passed").doesNotContain("ERROR");
	}

	@Test
	void lintWarningsFailOnlyWhenStrict() {
		assertThat(CliRun.of("lint", "--strict", Fixtures.path("subgraphs/users.graphql").toString()).exitCode())
			.isEqualTo(1);
		assertThat(CliRun
			.of("lint", "--strict", "--disable", "descriptions", Fixtures.path("subgraphs/users.graphql").toString())
			.exitCode()).isZero();
	}

	@Test
	void lintErrorsFailWithExitOne() throws IOException {
		Path schema = Files.writeString(this.work.resolve("bad.graphql"),
				"type Query { \"x\" item: Item }\n\"An item.\" type Item { id: ID! old: String @deprecated(reason: \"gone soon\") }");
		CliRun run = CliRun.of("lint", "--format", "json", schema.toString());
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("\"passed\" : false", "\"rule\" : \"deprecation-date\"",
				"\"coordinate\" : \"Item.old\"");
	}

	@Test
	void lintDisableTakesACommaSeparatedListAsWellAsRepeatedOptions() throws IOException {
		Path schema = Files.writeString(this.work.resolve("bad.graphql"),
				"type Query { Bad_Field: Int old: Int @deprecated(reason: \"gone soon\") }");
		CliRun both = CliRun.of("lint", schema.toString());
		CliRun comma = CliRun.of("lint", "--disable", "naming,deprecation-date,descriptions", schema.toString());
		CliRun repeated = CliRun.of("lint", "--disable", "naming", "--disable", "deprecation-date", "--disable",
				"descriptions", schema.toString());
		assertThat(both.exitCode()).isEqualTo(1);
		assertThat(both.out()).contains("naming", "deprecation-date");
		assertThat(comma.exitCode()).isZero();
		assertThat(comma.out()).isEqualTo(repeated.out()).isEqualTo("bad: ok\nlint passed\n");
		assertThat(repeated.exitCode()).isZero();
	}

	@Test
	void lintUnknownRuleIsExitTwo() {
		CliRun run = CliRun.of("lint", "--disable", "nope", Fixtures.path("subgraphs/users.graphql").toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).startsWith("schema-tools: error: unknown lint rule [nope]");
	}

	@Test
	void changelogAppendsAnEntryWithTheBump() throws IOException {
		Path old = Files.writeString(this.work.resolve("old-users.graphql"), Fixtures.read("subgraphs/users.graphql"));
		Path current = Files.writeString(this.work.resolve("users.graphql"),
				Fixtures.edit(Fixtures.read("subgraphs/users.graphql"), "type Query {\n",
						"type Query {\n  \"Who is online.\"\n  online: [User!]!\n"));
		Path changelog = this.work.resolve("docs/schema-changelog.md");
		CliRun run = CliRun.of("changelog", "--subgraph", "users=" + current, "--baseline", old.toString(), "--output",
				changelog.toString(), "--date", "2026-11-25");
		assertThat(run.exitCode()).isZero();
		assertThat(Files.readString(changelog)).startsWith("# Schema changelog")
			.contains(
					"## 2026-11-25\n\nSemantic version bump: **minor**\n\n### users\n\n#### Safe\n\n- `Query.online`: field added\n");
	}

	@Test
	void changelogWithoutChangesWritesNothing() throws IOException {
		Path current = Files.writeString(this.work.resolve("users.graphql"), Fixtures.read("subgraphs/users.graphql"));
		Path changelog = this.work.resolve("changelog.md");
		CliRun run = CliRun.of("changelog", "--subgraph", "users=" + current, "--baseline", current.toString(),
				"--output", changelog.toString(), "--format", "json");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("\"bump\" : \"none\"", "\"written\" : false");
		assertThat(changelog).doesNotExist();
	}

}
