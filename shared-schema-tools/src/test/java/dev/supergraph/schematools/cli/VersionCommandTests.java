package dev.supergraph.schematools.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.supergraph.schematools.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code version}, and {@code changelog} keeping the clients' versions in step. */
class VersionCommandTests {

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	@TempDir
	Path work;

	Path changelog;

	Path clients;

	@BeforeEach
	void copyTheClientsBuildFiles() throws IOException {
		this.changelog = this.work.resolve("docs/schema-changelog.md");
		Path directory = Files.createDirectories(this.work.resolve("clients"));
		Files.createDirectories(directory.resolve("typescript"));
		Files.createDirectories(directory.resolve("java"));
		for (String file : new String[] { "typescript/package.json", "typescript/package-lock.json", "java/pom.xml",
				"clients.json" }) {
			Files.copy(REPOSITORY.resolve("clients").resolve(file), directory.resolve(file));
		}
		this.clients = directory.resolve("clients.json");
		clientsAt("1.0.0");
	}

	@Test
	void theRepositorysVersionIsPrintedAndItsClientsAgree() {
		CliRun run = CliRun.of("version", "--changelog", REPOSITORY.resolve("docs/schema-changelog.md").toString(),
				"--clients", REPOSITORY.resolve("clients/clients.json").toString());
		assertThat(run.exitCode()).as(run.out()).isZero();
		assertThat(run.out()).matches("\\d+\\.\\d+\\.\\d+\n");
	}

	@Test
	void aChangelogEntryMovesTheSchemaAndTheClientsWithIt() throws IOException {
		Path old = Files.writeString(this.work.resolve("old-users.graphql"), Fixtures.read("subgraphs/users.graphql"));
		Path current = Files.writeString(this.work.resolve("users.graphql"),
				Fixtures.edit(Fixtures.read("subgraphs/users.graphql"), "type Query {\n",
						"type Query {\n  \"Who is online.\"\n  online: [User!]!\n"));
		CliRun entry = CliRun.of("changelog", "--subgraph", "users=" + current, "--baseline", old.toString(),
				"--output", this.changelog.toString(), "--date", "2026-11-25", "--clients", this.clients.toString());
		assertThat(entry.exitCode()).as(entry.err()).isZero();
		assertThat(entry.out()).endsWith("schema version: 1.1.0 (client versions updated)\n");
		CliRun run = version();
		assertThat(run.exitCode()).as(run.out()).isZero();
		assertThat(run.out()).isEqualTo("1.1.0\n");
		assertThat(Files.readString(this.work.resolve("clients/typescript/package.json")))
			.contains("\"version\": \"1.1.0\"");
		assertThat(Files.readString(this.work.resolve("clients/java/pom.xml")))
			.contains("<client.version>1.1.0</client.version>");
	}

	@Test
	void aClientThatDisagreesFailsUntilWritten() throws IOException {
		Files.createDirectories(this.changelog.getParent());
		Files.writeString(this.changelog, "# Schema changelog\n\n## 2026-11-25\n\nSemantic version bump: **major**\n");
		CliRun failing = version();
		assertThat(failing.exitCode()).isEqualTo(1);
		assertThat(failing.out()).startsWith("2.0.0\n")
			.contains("client version disagrees: @supergraph/client is at 1.0.0 in ",
					"client version disagrees: dev.supergraph:client-java is at 1.0.0 in ", "--write` to align them");
		CliRun writing = version("--write");
		assertThat(writing.exitCode()).isZero();
		assertThat(writing.out()).contains("updated: @supergraph/client is at 1.0.0");
		assertThat(version().exitCode()).isZero();
	}

	@Test
	void aChangelogThatIsNotThereIsAnInputErrorNotASchemaAt100() throws IOException {
		clientsAt("1.2.0");
		CliRun missing = version("--write");
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.err()).contains("the changelog " + this.changelog + " does not exist: is the path right?");
		assertThat(missing.out()).isEmpty();
		Files.createDirectories(this.changelog);
		assertThat(version().err()).contains(" is a directory");
		assertThat(Files.readString(this.work.resolve("clients/java/pom.xml")))
			.contains("<client.version>1.2.0</client.version>");
	}

	@Test
	void aVersionBelowTheClientsIsNeverWrittenByVersionOrByChangelog() throws IOException {
		clientsAt("1.2.0");
		Files.createDirectories(this.changelog.getParent());
		Files.writeString(this.changelog, "# Schema changelog\n\n## 2026-11-25\n\nSemantic version bump: **minor**\n");
		CliRun lowering = version("--write");
		assertThat(lowering.exitCode()).isEqualTo(2);
		assertThat(lowering.err()).contains("refused to lower @supergraph/client from 1.2.0 to 1.1.0");
		// a changelog of another name, as a mistyped --output makes one: nothing written
		// at all
		Path mistyped = this.work.resolve("docs/schema-chagelog.md");
		Path old = Files.writeString(this.work.resolve("old-users.graphql"), Fixtures.read("subgraphs/users.graphql"));
		Path current = Files.writeString(this.work.resolve("users.graphql"),
				Fixtures.edit(Fixtures.read("subgraphs/users.graphql"), "type Query {\n",
						"type Query {\n  \"Who is online.\"\n  online: [User!]!\n"));
		CliRun entry = CliRun.of("changelog", "--subgraph", "users=" + current, "--baseline", old.toString(),
				"--output", mistyped.toString(), "--date", "2026-11-26", "--clients", this.clients.toString());
		assertThat(entry.exitCode()).isEqualTo(2);
		assertThat(entry.err()).contains("refused to lower @supergraph/client from 1.2.0 to 1.1.0");
		assertThat(mistyped).doesNotExist();
		assertThat(Files.readString(this.work.resolve("clients/typescript/package.json")))
			.contains("\"version\": \"1.2.0\"");
		assertThat(Files.readString(this.work.resolve("clients/java/pom.xml")))
			.contains("<client.version>1.2.0</client.version>");
	}

	@Test
	void aVersionFileThatIsASymbolicLinkIsNeverWrittenThrough(@TempDir Path elsewhere) throws IOException {
		Files.createDirectories(this.changelog.getParent());
		Files.writeString(this.changelog, "# Schema changelog\n\n## 2026-11-25\n\nSemantic version bump: **major**\n");
		Path pom = this.work.resolve("clients/java/pom.xml");
		Path outside = Files.move(pom, elsewhere.resolve("pom.xml"));
		Files.createSymbolicLink(pom, outside);
		String before = Files.readString(outside);
		CliRun run = version("--write");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).startsWith("schema-tools: error: refusing to write " + pom + ": it is a symbolic link");
		assertThat(Files.readString(outside)).isEqualTo(before);
		// checked before anything is written: the other client keeps its version too
		assertThat(Files.readString(this.work.resolve("clients/typescript/package.json")))
			.contains("\"version\": \"1.0.0\"");
	}

	@Test
	void aChangelogThatIsASymbolicLinkIsNeverAppendedTo(@TempDir Path elsewhere) throws IOException {
		Path outside = Files.writeString(elsewhere.resolve("changelog.md"), "# Elsewhere\n");
		Files.createDirectories(this.changelog.getParent());
		Files.createSymbolicLink(this.changelog, outside);
		Path old = Files.writeString(this.work.resolve("old-users.graphql"), Fixtures.read("subgraphs/users.graphql"));
		Path current = Files.writeString(this.work.resolve("users.graphql"),
				Fixtures.edit(Fixtures.read("subgraphs/users.graphql"), "type Query {\n",
						"type Query {\n  \"Who is online.\"\n  online: [User!]!\n"));
		CliRun run = CliRun.of("changelog", "--subgraph", "users=" + current, "--baseline", old.toString(), "--output",
				this.changelog.toString(), "--date", "2026-11-25");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).startsWith("schema-tools: error: refusing to write " + this.changelog);
		assertThat(Files.readString(outside)).isEqualTo("# Elsewhere\n");
	}

	@Test
	void writeWithoutClientsIsAUsageError() {
		CliRun run = CliRun.of("version", "--write");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("--write needs --clients");
	}

	private CliRun version(String... extra) {
		String[] base = { "version", "--changelog", this.changelog.toString(), "--clients", this.clients.toString() };
		return CliRun.of(java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
			.toArray(String[]::new));
	}

	/**
	 * The copies start where a fresh changelog puts the schema, whatever the repository's
	 * is at.
	 */
	private void clientsAt(String version) throws IOException {
		Path packageJson = this.work.resolve("clients/typescript/package.json");
		Files.writeString(packageJson, Files.readString(packageJson)
			.replaceFirst("\"version\": \"[^\"]*\"", "\"version\": \"" + version + "\""));
		Path pom = this.work.resolve("clients/java/pom.xml");
		Files.writeString(pom,
				Files.readString(pom)
					.replaceFirst("<client\\.version>[^<]*</client\\.version>",
							"<client.version>" + version + "</client.version>"));
	}

}
