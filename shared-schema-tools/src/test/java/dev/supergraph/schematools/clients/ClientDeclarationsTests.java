package dev.supergraph.schematools.clients;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.supergraph.schematools.SchemaToolsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ClientDeclarationsTests {

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	@TempDir
	Path work;

	@Test
	void bothGeneratedClientsContainEveryTrustedOperation() throws IOException {
		ClientDeclarations declarations = ClientDeclarations.load(REPOSITORY.resolve("clients/clients.json"));
		try (Stream<Path> files = Files.list(REPOSITORY.resolve("gateway-config/operations"))) {
			List<Path> operations = files.filter((file) -> file.toString().endsWith(".graphql")).toList();
			assertThat(operations).isNotEmpty();
			for (Path operation : operations) {
				assertThat(declarations.containing(operation)).as(operation.toString())
					.containsExactly("@supergraph/client", "dev.supergraph:client-java");
			}
		}
		assertThat(declarations.containing(REPOSITORY.resolve("gateway-config/api-schema.graphql"))).isEmpty();
	}

	@Test
	void declaredPathsAndTheTypeScriptCodegenAgree() throws IOException {
		ClientDeclarations declarations = ClientDeclarations.load(REPOSITORY.resolve("clients/clients.json"));
		for (ClientPackage client : declarations.packages()) {
			assertThat(declarations.resolve(client.path())).isDirectory();
		}
		ClientPackage typescript = declarations.packages()
			.stream()
			.filter((client) -> client.language().equals("typescript"))
			.findFirst()
			.orElseThrow();
		Path clientDirectory = declarations.resolve(typescript.path());
		String documents = Files.readAllLines(clientDirectory.resolve("codegen.yml"))
			.stream()
			.filter((line) -> line.startsWith("documents:"))
			.map((line) -> line.substring("documents:".length()).trim())
			.findFirst()
			.orElseThrow();
		assertThat(clientDirectory.resolve(documents).normalize())
			.isEqualTo(declarations.resolve(typescript.operations()));
	}

	@Test
	void aPackageContainsOnlyTheOperationsItsGlobMatches() throws IOException {
		Path file = declare("""
				{"clients": [
				  {"name": "all", "language": "java", "path": ".", "operations": "ops/*.graphql"},
				  {"name": "one", "language": "typescript", "path": ".", "operations": "ops/A.graphql"}
				]}""");
		ClientDeclarations declarations = ClientDeclarations.load(file);
		assertThat(declarations.containing(this.work.resolve("ops/A.graphql"))).containsExactly("all", "one");
		assertThat(declarations.containing(this.work.resolve("ops/B.graphql"))).containsExactly("all");
		assertThat(declarations.containing(this.work.resolve("other/A.graphql"))).isEmpty();
	}

	@Test
	void badDeclarationsAreInputErrors() throws IOException {
		assertThatExceptionOfType(SchemaToolsException.class)
			.isThrownBy(() -> ClientDeclarations.load(this.work.resolve("missing.json")))
			.withMessageStartingWith("clients file not found: ");
		assertThatExceptionOfType(SchemaToolsException.class)
			.isThrownBy(() -> ClientDeclarations.load(declare("{\"clients\": [")))
			.withMessageStartingWith("invalid clients file ");
		assertThatExceptionOfType(SchemaToolsException.class)
			.isThrownBy(() -> ClientDeclarations.load(declare("{\"clients\": []}")))
			.withMessageStartingWith("clients file declares no client: ");
		assertThatExceptionOfType(SchemaToolsException.class)
			.isThrownBy(() -> ClientDeclarations.load(declare("{\"clients\": [{\"name\": \"x\"}]}")))
			.withMessageContaining("needs a name, a language, a path and an operations glob");
	}

	private Path declare(String json) throws IOException {
		return Files.writeString(this.work.resolve("clients.json"), json);
	}

}
