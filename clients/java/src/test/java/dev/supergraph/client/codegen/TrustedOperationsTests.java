package dev.supergraph.client.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operation generator ({@code codegen/TrustedOperations.java}) run as the build runs
 * it, against the repository's real schemas: what it refuses fails the build with the
 * file, line and column.
 */
class TrustedOperationsTests {

	private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

	private static final Path CATALOG_SCHEMA = REPOSITORY.resolve("gateway-config/subgraphs/catalog.graphql");

	private static final Path API_SCHEMA = REPOSITORY.resolve("gateway-config/api-schema.graphql");

	@TempDir
	Path temp;

	@Test
	void theOrdersCallToTheCatalogIsTypedWithTheModelRecords() throws Exception {
		Run run = subgraphOperations(REPOSITORY.resolve("orders-subgraph/src/main/subgraph-operations/catalog"));

		assertThat(run.exitCode).as(run.stderr).isZero();
		assertThat(generated("CurrentPrices")).contains(
				"public final class CurrentPrices implements GraphQlOperation<CurrentPrices.Variables, java.util.List<dev.supergraph.client.model.Product>>",
				"public record Variables(java.util.List<java.util.Map<String, Object>> representations)",
				"return \"_entities\";");
	}

	@Test
	void aFieldTheCalledSubgraphLacksFailsWithFileLineAndColumn() throws Exception {
		Path operations = operation("CurrentPrices", """
				query CurrentPrices($representations: [_Any!]!) {
				  _entities(representations: $representations) {
				    ... on Product {
				      id
				      price { amount cents }
				    }
				  }
				}
				""");

		Run run = subgraphOperations(operations);

		assertThat(run.exitCode).isEqualTo(1);
		assertThat(run.stderr).contains(operations.resolve("CurrentPrices.graphql") + ":5:22: "
				+ "Validation error (FieldUndefined@[_entities/price/cents]) : Field 'cents' in type 'Money' is undefined");
		assertThat(this.temp.resolve("out/test/operations/CurrentPrices.java")).doesNotExist();
	}

	@Test
	void aSelectionNoModelRecordCanReceiveIsRefused() throws Exception {
		Path operations = operation("CurrentPrices", """
				query CurrentPrices($representations: [_Any!]!) {
				  _entities(representations: $representations) {
				    ... on Product {
				      id
				      cost: price { amount }
				    }
				  }
				}
				""");

		Run run = subgraphOperations(operations);

		assertThat(run.exitCode).isEqualTo(1);
		assertThat(run.stderr).contains(operations.resolve("CurrentPrices.graphql")
				+ ":5:7: the model record Product has no field cost to receive the selection");
	}

	@Test
	void aClientPackageGeneratesTheOperationsItsRegistryEntryNames() throws Exception {
		operation("OnlyThis", "query OnlyThis($id: ID!) {\n  product(id: $id) {\n    name\n  }\n}\n");
		Path clients = this.temp.resolve("clients.json");
		Files.writeString(clients, """
				{ "clients": [
				  { "name": "other", "operations": "../gateway-config/operations/*.graphql" },
				  { "name": "test:client", "operations": "ops/*.graphql" } ] }
				""");

		Run run = generate("--schema", API_SCHEMA.toString(), "--clients", clients.toString(), "--client",
				"test:client", "--package", "test.operations");

		assertThat(run.exitCode).as(run.stderr).isZero();
		try (var files = Files.list(this.temp.resolve("out/test/operations"))) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactly("OnlyThis.java");
		}
		assertThat(generated("test.operations", "OnlyThis")).contains("implements TrustedOperation<",
				"public String documentId()");
	}

	@Test
	void aTrustedOperationInvalidAgainstTheApiSchemaFailsWithFileLineAndColumn() throws Exception {
		Path operations = operation("Internal", "query Internal {\n  _service {\n    sdl\n  }\n}\n");

		Run run = generate("--schema", API_SCHEMA.toString(), "--operations", operations + "/*.graphql", "--package",
				"test.operations");

		assertThat(run.exitCode).isEqualTo(1);
		assertThat(run.stderr)
			.contains(operations.resolve("Internal.graphql") + ":2:3: Validation error (FieldUndefined@[_service])");
	}

	@Test
	void anInputListWithNullableItemsIsRefusedSinceTheRecordsRequireEveryItem() throws Exception {
		Path schema = Files.writeString(this.temp.resolve("schema.graphql"), """
				type Query { search(filter: SearchInput!): [String!]! }
				input SearchInput { tags: [String], words: [String!] }
				""");
		Path operations = operation("Search", "query Search($filter: SearchInput!) {\n  search(filter: $filter)\n}\n");

		Run run = generate("--schema", schema.toString(), "--operations", operations + "/*.graphql", "--package",
				"test.operations");

		assertThat(run.exitCode).isEqualTo(1);
		assertThat(run.stderr.lines()).containsExactly(schema + ": SearchInput.tags: [String]: the Java client "
				+ "requires every item of an input list, so declare its items non-null (e.g. [String!])");
	}

	private Path operation(String name, String text) throws IOException {
		Path dir = Files.createDirectories(this.temp.resolve("ops"));
		Files.writeString(dir.resolve(name + ".graphql"), text);
		return dir;
	}

	private Run subgraphOperations(Path dir) throws Exception {
		return generate("--kind", "subgraph", "--schema", CATALOG_SCHEMA.toString(), "--model-schema",
				API_SCHEMA.toString(), "--operations", dir + "/*.graphql", "--package", "test.operations");
	}

	private String generated(String name) throws IOException {
		return generated("test.operations", name);
	}

	private String generated(String packageName, String name) throws IOException {
		return Files
			.readString(this.temp.resolve("out").resolve(packageName.replace('.', '/')).resolve(name + ".java"));
	}

	/**
	 * Runs the generator like the build: {@code java codegen/TrustedOperations.java …}.
	 */
	private Run generate(String... options) throws Exception {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
				System.getProperty("java.class.path"), "codegen/TrustedOperations.java", "--root",
				REPOSITORY.toString(), "--output", this.temp.resolve("out").toString(), "--model-package",
				"dev.supergraph.client.model", "--client-package", "dev.supergraph.client"));
		command.addAll(List.of(options));
		Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Run(process.waitFor(), stderr);
	}

	private record Run(int exitCode, String stderr) {

	}

}
