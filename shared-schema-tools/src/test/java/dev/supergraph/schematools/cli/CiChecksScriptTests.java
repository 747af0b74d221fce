package dev.supergraph.schematools.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import dev.supergraph.schematools.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ci-checks.sh} in a temporary repository, with the launcher replaced by one that
 * runs the classes under test (so no Maven build happens inside the test).
 */
class CiChecksScriptTests {

	@TempDir
	Path repository;

	@TempDir
	Path clones;

	Path catalog;

	@BeforeEach
	void installScriptAndLauncher() throws IOException {
		Path module = Files.createDirectories(this.repository.resolve("shared-schema-tools"));
		Files.copy(Path.of("ci-checks.sh"), module.resolve("ci-checks.sh"));
		Path launcher = Files.writeString(module.resolve("schema-tools"),
				"#!/usr/bin/env bash\nexec \"$TEST_JAVA\" -cp \"$TEST_CLASSPATH\" " + SchemaToolsMain.class.getName()
						+ " \"$@\"\n");
		Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
		this.catalog = this.repository.resolve("gateway-config/subgraphs/catalog.graphql");
		Files.createDirectories(this.catalog.getParent());
		git("init", "-q", "-b", "main");
		git("add", "shared-schema-tools");
		git("commit", "-q", "-m", "tools");
	}

	@Test
	void baselineWithoutTheSchemasSkipsTheCheckButLints() throws Exception {
		Files.writeString(this.catalog, Fixtures.read("subgraphs/catalog.graphql"));
		commitAll("catalog schema");
		Result result = ciChecks();
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("baseline 'HEAD~1' has none of the subgraph schemas", "lint passed");
	}

	@Test
	void aMistypedBaselineIsAnErrorNotASkippedCheck() throws Exception {
		Files.writeString(this.catalog, Fixtures.read("subgraphs/catalog.graphql"));
		commitAll("catalog schema");
		Files.writeString(this.catalog, Fixtures.edit(Files.readString(this.catalog), "  inStock: Boolean!\n", ""));
		commitAll("drop inStock");
		Result result = ciChecks("no-such-ref");
		assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
		assertThat(result.output()).contains("unknown baseline revision 'no-such-ref'", "lint passed")
			.doesNotContain("check skipped");
	}

	@Test
	void theFirstCommitHasNoBaselineSoTheCheckIsSkippedButLints() throws Exception {
		Files.writeString(this.catalog, Fixtures.read("subgraphs/catalog.graphql"));
		git("add", ".");
		git("commit", "-q", "--amend", "-m", "first commit");
		Result result = ciChecks();
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("HEAD is the first commit, no baseline 'HEAD~1'", "check skipped",
				"lint passed");
	}

	@Test
	void aShallowCloneFetchesTheBaselineAndWithoutItIsAnErrorNotASkippedCheck() throws Exception {
		Files.writeString(this.catalog, Fixtures.read("subgraphs/catalog.graphql"));
		commitAll("catalog schema");
		Files.writeString(this.catalog, Fixtures.edit(Files.readString(this.catalog), "  inStock: Boolean!\n", ""));
		commitAll("drop inStock");
		Path clone = this.clones.resolve("shallow");
		git("clone", "-q", "--depth", "1", this.repository.toUri().toString(), clone.toString());
		Result fetched = ciChecks(clone);
		assertThat(fetched.exitCode()).as(fetched.output()).isEqualTo(1);
		assertThat(fetched.output()).contains("FIELD_REMOVED Product.inStock", "check FAILED");

		Path cutOff = this.clones.resolve("cut-off");
		git("clone", "-q", "--depth", "1", this.repository.toUri().toString(), cutOff.toString());
		git("-C", cutOff.toString(), "remote", "set-url", "origin", this.clones.resolve("gone").toUri().toString());
		Result result = ciChecks(cutOff);
		assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
		assertThat(result.output()).contains("baseline 'HEAD~1' is not in this shallow clone", "lint passed")
			.doesNotContain("check skipped");
	}

	@Test
	void breakingChangeSincePreviousCommitFails() throws Exception {
		Files.writeString(this.catalog, Fixtures.read("subgraphs/catalog.graphql"));
		commitAll("catalog schema");
		Files.writeString(this.catalog, Fixtures.edit(Files.readString(this.catalog), "  inStock: Boolean!\n", ""));
		commitAll("drop inStock");
		Result result = ciChecks();
		assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).contains("FIELD_REMOVED Product.inStock", "check FAILED", "lint passed");
	}

	@Test
	void breakingChangeNamesTheClientPackagesOfTheAffectedOperations() throws Exception {
		Files.writeString(this.catalog, Fixtures.read("subgraphs/catalog.graphql"));
		Path operations = Files.createDirectories(this.repository.resolve("gateway-config/operations"));
		Files.writeString(operations.resolve("ProductBySku.graphql"), Fixtures.read("operations/ProductBySku.graphql"));
		Files.createDirectories(this.repository.resolve("clients/typescript"));
		Files.writeString(this.repository.resolve("clients/typescript/package.json"),
				"{\"name\": \"@supergraph/client\", \"version\": \"1.0.0\"}");
		Files.writeString(this.repository.resolve("clients/clients.json"), """
				{"clients": [{"name": "@supergraph/client", "language": "typescript", "path": "typescript",
				  "operations": "../gateway-config/operations/*.graphql"}]}""");
		commitAll("catalog schema, an operation, a client");
		Files.writeString(this.catalog, Fixtures.edit(Files.readString(this.catalog), "  inStock: Boolean!\n", ""));
		commitAll("drop inStock");
		Result result = ciChecks();
		assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).contains(
				"  ProductBySku (gateway-config/operations/ProductBySku.graphql): @supergraph/client\n",
				"    catalog: BREAKING FIELD_REMOVED Product.inStock\n");
	}

	@Test
	void aClientVersionThatDisagreesWithTheChangelogFails() throws Exception {
		Files.writeString(this.catalog, Fixtures.read("subgraphs/catalog.graphql"));
		Files.createDirectories(this.repository.resolve("clients/typescript"));
		Files.writeString(this.repository.resolve("clients/typescript/package.json"),
				"{\"name\": \"@supergraph/client\", \"version\": \"1.0.0\"}");
		Files.writeString(this.repository.resolve("clients/clients.json"), """
				{"clients": [{"name": "@supergraph/client", "language": "typescript", "path": "typescript",
				  "operations": "../gateway-config/operations/*.graphql"}]}""");
		commitAll("catalog schema and a client at 1.0.0");
		Result agreeing = ciChecks();
		assertThat(agreeing.exitCode()).as(agreeing.output()).isZero();
		Files.createDirectories(this.repository.resolve("docs"));
		Files.writeString(this.repository.resolve("docs/schema-changelog.md"),
				"# Schema changelog\n\n## 2026-11-25\n\nSemantic version bump: **minor**\n");
		commitAll("a changelog entry without the client version");
		Result result = ciChecks();
		assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).contains("client version disagrees: @supergraph/client is at 1.0.0",
				"the schema at 1.1.0", "lint passed");
	}

	@Test
	void lintErrorFailsEvenWithoutBaseline() throws Exception {
		Files.writeString(this.catalog, "type Query { \"x\" item: item_type }\n\"t\" type item_type { id: ID! }\n");
		Result result = ciChecks();
		assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).contains("naming", "lint FAILED");
	}

	private record Result(int exitCode, String output) {
	}

	private Result ciChecks(String... args) throws IOException, InterruptedException {
		return ciChecks(this.repository, args);
	}

	private Result ciChecks(Path directory, String... args) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>(List.of("bash", "shared-schema-tools/ci-checks.sh"));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.put("TEST_JAVA", ProcessHandle.current().info().command().orElse("java"));
		environment.put("TEST_CLASSPATH", System.getProperty("java.class.path"));
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Result(process.waitFor(), output);
	}

	private void commitAll(String message) throws IOException, InterruptedException {
		git("add", ".");
		git("commit", "-q", "-m", message);
	}

	private void git(String... args) throws IOException {
		List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=Test", "-c",
				"user.email=test@example.com", "-c", "commit.gpgsign=false"));
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).directory(this.repository.toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor()).as(output).isZero();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
