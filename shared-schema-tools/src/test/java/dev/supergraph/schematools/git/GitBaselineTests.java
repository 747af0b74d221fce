package dev.supergraph.schematools.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.supergraph.schematools.SchemaToolsException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Reads baselines from a real git repository created in a temporary directory. */
class GitBaselineTests {

	@TempDir
	Path repository;

	Path schema;

	@BeforeEach
	void commitTwoVersions() throws IOException {
		git("init", "-q", "-b", "main");
		this.schema = this.repository.resolve("subgraphs/catalog.graphql");
		Files.createDirectories(this.schema.getParent());
		Files.writeString(this.schema, "type Query { a: Int }\n");
		git("add", ".");
		git("commit", "-q", "-m", "first");
		git("tag", "v1");
		Files.writeString(this.schema, "type Query { a: Int b: Int }\n");
		git("commit", "-q", "-am", "second");
		Files.writeString(this.schema, "type Query { b: Int }\n");
	}

	@Test
	void readsTheFileAtARevision() {
		assertThat(GitBaseline.open(this.repository, "HEAD").read(this.schema))
			.contains("type Query { a: Int b: Int }\n");
		assertThat(GitBaseline.open(this.repository, "HEAD~1").read(this.schema)).contains("type Query { a: Int }\n");
		assertThat(GitBaseline.open(this.repository, "v1").read(this.schema)).contains("type Query { a: Int }\n");
	}

	@Test
	void worksFromASubdirectoryOfTheRepository() {
		Path subdirectory = this.schema.getParent();
		assertThat(GitBaseline.open(subdirectory, "HEAD~1").read(this.schema)).contains("type Query { a: Int }\n");
	}

	@Test
	void aFileMissingAtTheRevisionHasNoBaseline() throws IOException {
		Path added = this.repository.resolve("subgraphs/users.graphql");
		Files.writeString(added, "type Query { me: Int }\n");
		assertThat(GitBaseline.open(this.repository, "HEAD").read(added)).isEmpty();
	}

	@Test
	void aFileGitCannotReadIsAnInputErrorNotANewSchema() throws IOException {
		String blob = git("rev-parse", "HEAD:subgraphs/catalog.graphql").strip();
		Files.delete(this.repository.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2)));
		assertThatExceptionOfType(SchemaToolsException.class)
			.isThrownBy(() -> GitBaseline.open(this.repository, "HEAD").read(this.schema))
			.withMessageStartingWith("cannot read subgraphs/catalog.graphql at baseline 'HEAD': ")
			.withMessageNotContaining("\n");
	}

	@Test
	void aFileOutsideTheRepositoryIsAnInputErrorNotANewSchema(@TempDir Path elsewhere) throws IOException {
		Path outside = Files.writeString(elsewhere.resolve("catalog.graphql"), "type Query { b: Int }\n");
		assertThatExceptionOfType(SchemaToolsException.class)
			.isThrownBy(() -> GitBaseline.open(this.repository, "HEAD").read(outside))
			.withMessageContaining("is outside the git repository");
	}

	@Test
	void unknownRevisionIsAnInputError() {
		assertThatExceptionOfType(SchemaToolsException.class)
			.isThrownBy(() -> GitBaseline.open(this.repository, "no-such-branch"))
			.withMessage("unknown git revision 'no-such-branch' (and no such file or directory)");
	}

	@Test
	void revisionBeyondHistoryIsAnInputError() {
		assertThatExceptionOfType(SchemaToolsException.class)
			.isThrownBy(() -> GitBaseline.open(this.repository, "HEAD~5"))
			.withMessageContaining("unknown git revision 'HEAD~5'");
	}

	@Test
	void outsideARepositoryIsAnInputError(@TempDir Path elsewhere) {
		assertThatExceptionOfType(SchemaToolsException.class).isThrownBy(() -> GitBaseline.open(elsewhere, "HEAD"))
			.withMessageContaining("is not inside a git repository");
	}

	private String git(String... arguments) throws IOException {
		List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c",
				"user.email=test@example.com", "-c", "commit.gpgsign=false"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(this.repository.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			assertThat(process.waitFor()).as(output).isZero();
			return output;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
