package dev.supergraph.schematools.clients;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.supergraph.schematools.changelog.SchemaVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ClientVersionsTests {

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	@TempDir
	Path work;

	ClientDeclarations declarations;

	/**
	 * Copies of the real build files, so the rewrite is exercised on their real shapes.
	 */
	@BeforeEach
	void copyTheClientsBuildFiles() throws IOException {
		Path clients = Files.createDirectories(this.work.resolve("clients"));
		Files.createDirectories(clients.resolve("typescript"));
		Files.createDirectories(clients.resolve("java"));
		for (String file : new String[] { "typescript/package.json", "typescript/package-lock.json", "java/pom.xml" }) {
			Files.copy(REPOSITORY.resolve("clients").resolve(file), clients.resolve(file));
		}
		Files.copy(REPOSITORY.resolve("clients/clients.json"), clients.resolve("clients.json"));
		this.declarations = ClientDeclarations.load(clients.resolve("clients.json"));
	}

	@Test
	void theRepositorysClientsFollowTheRepositorysChangelog() {
		ClientDeclarations real = ClientDeclarations.load(REPOSITORY.resolve("clients/clients.json"));
		assertThat(ClientVersions.disagreements(real, SchemaVersion.of(REPOSITORY.resolve("docs/schema-changelog.md"))))
			.isEmpty();
	}

	@Test
	void aClientBehindTheSchemaIsNamedWithItsFile() {
		SchemaVersion version = SchemaVersion.parse("7.3.1");
		assertThat(ClientVersions.disagreements(this.declarations, version)).hasSize(2)
			.allSatisfy((problem) -> assertThat(problem).endsWith(", the schema at 7.3.1"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("@supergraph/client is at ")
				.contains(this.work.resolve("clients/typescript/package.json").toString()))
			.anySatisfy((problem) -> assertThat(problem).startsWith("dev.supergraph:client-java is at ")
				.contains(this.work.resolve("clients/java/pom.xml").toString()));
	}

	@Test
	void writeSetsOnlyTheClientsOwnVersions() throws IOException {
		Path packageJson = this.work.resolve("clients/typescript/package.json");
		Path lock = this.work.resolve("clients/typescript/package-lock.json");
		Path pom = this.work.resolve("clients/java/pom.xml");
		JsonMapper mapper = JsonMapper.builder().build();
		JsonNode lockBefore = mapper.readTree(lock.toFile());
		String pomBefore = Files.readString(pom);
		ClientVersions.write(this.declarations, SchemaVersion.parse("7.3.1"));
		assertThat(ClientVersions.disagreements(this.declarations, SchemaVersion.parse("7.3.1"))).isEmpty();
		assertThat(mapper.readTree(packageJson.toFile()).get("version").asString()).isEqualTo("7.3.1");
		JsonNode lockAfter = mapper.readTree(lock.toFile());
		assertThat(lockAfter.get("version").asString()).isEqualTo("7.3.1");
		assertThat(lockAfter.get("packages").get("").get("version").asString()).isEqualTo("7.3.1");
		// the dependencies keep their versions
		JsonNode graphql = lockAfter.get("packages").get("node_modules/graphql");
		assertThat(graphql.get("version"))
			.isEqualTo(lockBefore.get("packages").get("node_modules/graphql").get("version"));
		String pomAfter = Files.readString(pom);
		assertThat(pomAfter).contains("<client.version>7.3.1</client.version>");
		assertThat(pomAfter.replace("<client.version>7.3.1</client.version>", ""))
			.isEqualTo(pomBefore.replaceAll("<client\\.version>[^<]*</client\\.version>", ""));
	}

}
