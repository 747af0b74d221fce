package dev.supergraph.schematools.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.supergraph.schematools.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI as CI runs it: a separate JVM whose working directory is a temporary git
 * repository, comparing the working tree with a revision.
 */
class GitBaselineCliTests {

	@TempDir
	Path repository;

	@BeforeEach
	void commitTheGoldenSchema() throws IOException, InterruptedException {
		Path schema = this.repository.resolve("gateway-config/subgraphs/catalog.graphql");
		Files.createDirectories(schema.getParent());
		Files.writeString(schema, Fixtures.read("subgraphs/catalog.graphql"));
		run("git", "init", "-q", "-b", "main");
		run("git", "add", ".");
		run("git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "commit",
				"-q", "-m", "golden schema");
	}

	@Test
	void breakingWorkingTreeChangeAgainstHeadExitsOne() throws IOException, InterruptedException {
		Path schema = this.repository.resolve("gateway-config/subgraphs/catalog.graphql");
		Files.writeString(schema, Fixtures.edit(Files.readString(schema), "  inStock: Boolean!\n", ""));
		Result result = schemaTools("check", "--subgraph", "catalog=gateway-config/subgraphs/catalog.graphql",
				"--baseline", "HEAD");
		assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).contains("FAIL    BREAKING  FIELD_REMOVED Product.inStock");
	}

	@Test
	void unchangedWorkingTreeExitsZero() throws IOException, InterruptedException {
		Result result = schemaTools("check", "--subgraph", "catalog=gateway-config/subgraphs/catalog.graphql",
				"--baseline", "HEAD");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("catalog: no changes");
	}

	@Test
	void unknownRevisionExitsTwoWithOneLine() throws IOException, InterruptedException {
		Result result = schemaTools("check", "--subgraph", "catalog=gateway-config/subgraphs/catalog.graphql",
				"--baseline", "release-9");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.output())
			.isEqualTo("schema-tools: error: unknown git revision 'release-9' (and no such file or directory)\n");
	}

	@Test
	void schemaNewSinceTheRevisionIsNotedNotCompared() throws IOException, InterruptedException {
		Files.writeString(this.repository.resolve("gateway-config/subgraphs/users.graphql"),
				Fixtures.read("subgraphs/users.graphql"));
		Result result = schemaTools("check", "--subgraph", "users=gateway-config/subgraphs/users.graphql", "--baseline",
				"HEAD");
		assertThat(result.exitCode()).isZero();
		assertThat(result.output()).contains("users: no baseline version in git HEAD: new schema, not compared");
	}

	private record Result(int exitCode, String output) {
	}

	private Result schemaTools(String... args) throws IOException, InterruptedException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(
				List.of(java, "-cp", System.getProperty("java.class.path"), SchemaToolsMain.class.getName()));
		command.addAll(List.of(args));
		return run(command.toArray(String[]::new));
	}

	private Result run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(this.repository.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Result(process.waitFor(), output);
	}

}
