package dev.supergraph.schematools.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.supergraph.schematools.Fixtures;
import dev.supergraph.schematools.lint.Linter;
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
	void twoFilesOfTheSameNameAreBothLinted() throws IOException {
		Path good = Files.createDirectories(this.work.resolve("a")).resolve("catalog.graphql");
		Files.writeString(good, Fixtures.read("subgraphs/catalog.graphql"));
		Path bad = Files.createDirectories(this.work.resolve("b")).resolve("catalog.graphql");
		Files.writeString(bad, "type Query { \"x\" item: String @deprecated(reason: \"gone soon\") }");
		CliRun run = CliRun.of("lint", good.toString(), bad.toString());
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("catalog: ", bad + ": ", "deprecation-date");
	}

	@Test
	void aSchemaTooLargeForTheHeapIsAnInputErrorNotAStackTrace() throws Exception {
		Path huge = this.work.resolve("huge.graphql");
		try (java.io.Writer writer = Files.newBufferedWriter(huge)) {
			writer.write("type Query { a: String }\n");
			for (int i = 0; i < 200_000; i++) {
				writer.write("\"A type.\" type T" + i + " { \"A field.\" f" + i + ": String }\n");
			}
		}
		// a separate JVM with a small heap, as a CI runner with little memory runs it
		Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx48m", "-cp",
				System.getProperty("java.class.path"), SchemaToolsMain.class.getName(), "lint", huge.toString())
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		String err = new String(process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(err).isEqualTo(2);
		assertThat(err).startsWith("schema-tools: error: out of memory").doesNotContain("\tat ");
		assertThat(err.lines()).hasSize(1);
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
	void aLongChainOfTypesIsLintedAndOneTooDeepForTheStackIsAnInputErrorNotAStackTrace() throws IOException {
		CliRun chain = CliRun.of("lint", chain(3_000).toString());
		assertThat(chain.exitCode()).as(chain.err()).isZero();
		assertThat(chain.out()).contains("lint passed");
		// the same chain on a thread with a small stack stands for a schema deeper than
		// the real one allows
		CliRun tooDeep = CliRun.withStack(256 << 10, "lint", chain(3_000).toString());
		assertThat(tooDeep.exitCode()).isEqualTo(2);
		assertThat(tooDeep.err().strip()).isEqualTo("schema-tools: error: " + SchemaToolsMain.TOO_DEEP);
	}

	@Test
	void aSchemaFileThatIsADirectoryOrNotUtf8IsNamedAsSuch() throws IOException {
		Path directory = Files.createDirectories(this.work.resolve("dir with space ü"));
		assertThat(CliRun.of("lint", directory.toString()).err().strip())
			.isEqualTo("schema-tools: error: schema file " + directory + " is a directory");
		Path latin1 = Files.write(this.work.resolve("latin1.graphql"),
				"type Query { \"caf\u00e9\" a: Int }".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
		CliRun run = CliRun.of("lint", latin1.toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err().strip())
			.isEqualTo("schema-tools: error: cannot read " + latin1 + ": it is not UTF-8 text");
	}

	@Test
	void aDateThatIsNotADateIsAUsageErrorThatSaysSo() {
		CliRun run = CliRun.of("check", "--today", "2026-13-01", "--subgraph", "users=x.graphql");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("'2026-13-01' is not a date (yyyy-mm-dd)").doesNotContain("Exception");
	}

	/** Types T0 to T(n-1), each with a field of the next. */
	private Path chain(int length) throws IOException {
		StringBuilder sdl = new StringBuilder("type Query { \"The chain.\" start: T0 }\n");
		for (int i = 0; i < length; i++) {
			sdl.append("\"Link ").append(i).append(".\" type T").append(i).append(" { \"Next.\" next: ");
			sdl.append((i + 1 < length) ? "T" + (i + 1) : "Int").append(" }\n");
		}
		return Files.writeString(this.work.resolve("chain.graphql"), sdl);
	}

	@Test
	void lintHelpNamesEveryRuleItCanSkip() {
		CliRun run = CliRun.of("lint", "--help");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out().replaceAll("\\s+", " ")).contains(String.join(", ", Linter.ruleIds()) + ".");
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
		// the same content in another file: the checked file itself is no baseline
		Path baseline = Files.writeString(this.work.resolve("users-before.graphql"),
				Fixtures.read("subgraphs/users.graphql"));
		Path changelog = this.work.resolve("changelog.md");
		CliRun run = CliRun.of("changelog", "--subgraph", "users=" + current, "--baseline", baseline.toString(),
				"--output", changelog.toString(), "--format", "json");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("\"bump\" : \"none\"", "\"written\" : false");
		assertThat(changelog).doesNotExist();
	}

}
