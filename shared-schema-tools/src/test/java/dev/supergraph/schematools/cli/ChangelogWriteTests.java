package dev.supergraph.schematools.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import dev.supergraph.schematools.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code changelog} changes the changelog whole or not at all: what it cannot read stays
 * as it was, and a written changelog replaces the old file rather than growing it.
 */
class ChangelogWriteTests {

	@TempDir
	Path work;

	private Path current;

	private Path baseline;

	private Path changelog;

	@BeforeEach
	void aFieldAdded() throws IOException {
		this.baseline = Files.writeString(this.work.resolve("old-users.graphql"),
				Fixtures.read("subgraphs/users.graphql"));
		this.current = Files.writeString(this.work.resolve("users.graphql"),
				Fixtures.edit(Fixtures.read("subgraphs/users.graphql"), "type Query {\n",
						"type Query {\n  \"Who is online.\"\n  online: [User!]!\n"));
		this.changelog = this.work.resolve("schema-changelog.md");
	}

	@Test
	void aChangelogThatIsNotUtf8OrNamesAnUnknownBumpIsRefusedAndStaysAsItWas() throws IOException {
		byte[] latin1 = "# Schema changelog\n\n## 2026-01-01 — caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
		Files.write(this.changelog, latin1);
		CliRun notUtf8 = changelog("--title", "1.5");
		assertThat(notUtf8.exitCode()).isEqualTo(2);
		assertThat(notUtf8.err().strip())
			.isEqualTo("schema-tools: error: cannot read changelog " + this.changelog + ": it is not UTF-8 text");
		assertThat(Files.readAllBytes(this.changelog)).isEqualTo(latin1);

		String unknownBump = "# Schema changelog\n\n## 2026-01-01\n\nSemantic version bump: **huge**\n";
		Files.writeString(this.changelog, unknownBump);
		CliRun unknown = changelog("--title", "1.5");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err().strip())
			.isEqualTo("schema-tools: error: unknown semantic version bump in the changelog: huge");
		assertThat(this.changelog).hasContent(unknownBump);
	}

	@Test
	void aTitleOfMoreThanOneLineIsAUsageErrorAndWritesNothing() {
		CliRun run = changelog("--title", "Release 1.5\nSemantic version bump: **major**");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).startsWith(
				"schema-tools: usage error: --title must be one line of text, without line breaks or control characters");
		assertThat(this.changelog).doesNotExist();
	}

	@Test
	void aWrittenChangelogReplacesTheOldFileWholeKeepingItsPermissions() throws IOException {
		String before = "# Schema changelog\n";
		Files.writeString(this.changelog, before);
		Files.setPosixFilePermissions(this.changelog, PosixFilePermissions.fromString("rw-r-----"));
		// a second name of the old file: a write in place would show through it
		Path oldFile = Files.createLink(this.work.resolve("old-name.md"), this.changelog);
		CliRun run = changelog("--title", "1.5");
		assertThat(run.exitCode()).isZero();
		assertThat(Files.readString(this.changelog)).startsWith(before + "\n## 2026-11-25 — 1.5\n");
		assertThat(oldFile).hasContent(before);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.changelog))).isEqualTo("rw-r-----");
		try (var files = Files.list(this.work)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.containsExactlyInAnyOrder("old-users.graphql", "users.graphql", "schema-changelog.md", "old-name.md");
		}
	}

	@Test
	void aClientWhoseVersionCannotBeUpdatedLeavesTheChangelogAndEveryClientAsTheyWere() throws IOException {
		String before = "# Schema changelog\n";
		Files.writeString(this.changelog, before);
		Path typescript = Files.createDirectories(this.work.resolve("clients/typescript"));
		Path java = Files.createDirectories(this.work.resolve("clients/java"));
		String packageJson = "{\n  \"name\": \"@x/client\",\n  \"version\": \"1.0.0\"\n}\n";
		Files.writeString(typescript.resolve("package.json"), packageJson);
		Files.writeString(java.resolve("pom.xml"), "<project><client.version>1.0.0</client.version></project>\n");
		// a lock file without its root's version: found only after the changelog and
		// package.json were written
		String lock = "{\n  \"name\": \"@x/client\"\n}\n";
		Files.writeString(typescript.resolve("package-lock.json"), lock);
		Path clients = Files.writeString(this.work.resolve("clients/clients.json"),
				"{\"clients\": [{\"name\": \"@x/client\", \"language\": \"typescript\", \"path\": \"typescript\","
						+ " \"operations\": \"none\"}, {\"name\": \"x:client\", \"language\": \"java\", \"path\": \"java\","
						+ " \"operations\": \"none\"}]}");
		CliRun run = changelog("--clients", clients.toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err().strip())
			.isEqualTo("schema-tools: error: no version to update in " + typescript.resolve("package-lock.json"));
		assertThat(this.changelog).hasContent(before);
		assertThat(typescript.resolve("package.json")).hasContent(packageJson);
		assertThat(typescript.resolve("package-lock.json")).hasContent(lock);
		assertThat(java.resolve("pom.xml")).hasContent("<project><client.version>1.0.0</client.version></project>\n");
	}

	@Test
	void aVersionFileThatCannotBeWrittenLeavesTheChangelogAsItWasAndNoTemporaryFile() throws IOException {
		String before = "# Schema changelog\n";
		Files.writeString(this.changelog, before);
		Path typescript = Files.createDirectories(this.work.resolve("clients/typescript"));
		String packageJson = "{\n  \"name\": \"@x/client\",\n  \"version\": \"1.0.0\"\n}\n";
		Files.writeString(typescript.resolve("package.json"), packageJson);
		Path clients = Files.writeString(this.work.resolve("clients/clients.json"),
				"{\"clients\": [{\"name\": \"@x/client\", \"language\": \"typescript\", \"path\": \"typescript\","
						+ " \"operations\": \"none\"}]}");
		// package.json's temporary file cannot be written (a directory holds its name, as
		// a full disk or a read-only directory would refuse it) after the changelog's was
		Path blocked = Files
			.createDirectories(typescript.resolve(".package.json." + ProcessHandle.current().pid() + ".tmp"));
		Files.writeString(blocked.resolve("keep"), "");
		CliRun run = changelog("--clients", clients.toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).startsWith("schema-tools: error: cannot write " + typescript.resolve("package.json"));
		assertThat(this.changelog).hasContent(before);
		assertThat(typescript.resolve("package.json")).hasContent(packageJson);
		try (var files = Files.list(this.work)) {
			assertThat(files.map((file) -> file.getFileName().toString()))
				.containsExactlyInAnyOrder("old-users.graphql", "users.graphql", "schema-changelog.md", "clients");
		}
	}

	private CliRun changelog(String... options) {
		String[] args = { "changelog", "--subgraph", "users=" + this.current, "--baseline", this.baseline.toString(),
				"--output", this.changelog.toString(), "--date", "2026-11-25" };
		String[] all = java.util.Arrays.copyOf(args, args.length + options.length);
		System.arraycopy(options, 0, all, args.length, options.length);
		return CliRun.of(all);
	}

}
