package dev.supergraph.schematools.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import dev.supergraph.schematools.Fixtures;
import dev.supergraph.schematools.operations.Operation;
import dev.supergraph.schematools.operations.OperationLoader;
import dev.supergraph.schematools.operations.OperationValidator;
import dev.supergraph.schematools.schema.SchemaLoader;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code migrate} on copies of the golden supergraph and the trusted operations. */
class MigrateCommandTests {

	private static final String IN_STOCK = "  inStock: Boolean! @join__field(graph: CATALOG)\n";

	@TempDir
	Path work;

	Path supergraph;

	Path operations;

	@BeforeEach
	void copyFixtures() throws IOException {
		this.supergraph = Files.writeString(this.work.resolve("supergraph.graphql"),
				Fixtures.read("supergraph.graphql"));
		this.operations = Files.createDirectories(this.work.resolve("operations"));
		try (Stream<Path> files = Files.list(Fixtures.path("operations"))) {
			for (Path file : files.toList()) {
				Files.copy(file, this.operations.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		// an alias, and a fragment used twice, as client code writes them
		Files.writeString(this.operations.resolve("Stock.graphql"), """
				query Stock($sku: String!) {
				  productBySku(sku: $sku) {
				    ...StockFields
				    here: inStock
				  }
				  again: productBySku(sku: $sku) {
				    ...StockFields
				  }
				}

				fragment StockFields on Product {
				  inStock
				}
				""");
	}

	@Test
	void listsEverySelectionWithFileLineAndColumnWithoutWriting() throws IOException {
		deprecateInStock("Use `available`.", "  available: Boolean! @join__field(graph: CATALOG)\n");
		String before = Files.readString(this.operations.resolve("ProductBySku.graphql"));
		CliRun run = migrate();
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains(
				this.operations.resolve("ProductBySku.graphql")
						+ ":11:5: ProductBySku selects deprecated Product.inStock → `inStock: available`\n",
				this.operations.resolve("CategoryProducts.graphql")
						+ ":15:11: CategoryProducts selects deprecated Product.inStock → `inStock: available`\n",
				this.operations.resolve("Stock.graphql")
						+ ":4:5: Stock selects deprecated Product.inStock → `here: available`\n",
				this.operations.resolve("Stock.graphql")
						+ ":12:3: Stock selects deprecated Product.inStock → `inStock: available`\n",
				"5 selection(s) of deprecated fields; --write rewrites them\n");
		assertThat(Files.readString(this.operations.resolve("ProductBySku.graphql"))).isEqualTo(before);
	}

	@Test
	void writeKeepsTheResultKeysAndTheOperationsValid() throws IOException {
		deprecateInStock("Use `Product.available`.", "  available: Boolean! @join__field(graph: CATALOG)\n");
		CliRun run = migrate("--write");
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("rewritten: " + this.operations.resolve("Stock.graphql"));
		assertThat(Files.readString(this.operations.resolve("ProductBySku.graphql"))).isEqualTo(
				Fixtures.read("operations/ProductBySku.graphql").replace("    inStock\n", "    inStock: available\n"));
		assertThat(Files.readString(this.operations.resolve("Stock.graphql"))).contains("    here: available\n",
				"fragment StockFields on Product {\n  inStock: available\n}");
		GraphQLSchema api = SchemaLoader.supergraphApi(Files.readString(this.supergraph), "supergraph");
		for (Operation operation : OperationLoader.load(this.operations)) {
			assertThat(OperationValidator.validate(api, operation)).as(operation.name()).isEmpty();
		}
		assertThat(migrate().out()).isEqualTo("no operation selects a deprecated field with a named replacement\n");
	}

	@Test
	void aReplacementOfAnotherTypeIsRefusedAndNothingIsWritten() throws IOException {
		deprecateInStock("Use `available`.", "  available: Boolean @join__field(graph: CATALOG)\n");
		String before = Files.readString(this.operations.resolve("ProductBySku.graphql"));
		CliRun run = migrate("--write");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("cannot rewrite: types differ: available is Boolean, inStock is Boolean!")
			.doesNotContain("rewritten:");
		assertThat(Files.readString(this.operations.resolve("ProductBySku.graphql"))).isEqualTo(before);
	}

	@Test
	void differentArgumentsAndMissingReplacementsAreRefused() throws IOException {
		deprecateInStock("Use `available`.", "  available(warehouse: ID!): Boolean! @join__field(graph: CATALOG)\n");
		assertThat(migrate("--write").out()).contains("cannot rewrite: arguments differ: available requires warehouse");
		copyFixtures();
		deprecateInStock("Use `missing`.", "");
		assertThat(migrate().out()).contains("cannot rewrite: the replacement Product.missing does not exist");
		copyFixtures();
		deprecateInStock("Use `Category.name`.", "");
		assertThat(migrate().out())
			.contains("cannot rewrite: the replacement Category.name is on another type than Product");
	}

	@Test
	void jsonCarriesEachSelection() throws IOException {
		deprecateInStock("Use `available`.", "  available: Boolean! @join__field(graph: CATALOG)\n");
		JsonNode json = JsonMapper.builder().build().readTree(migrate("--format", "json").out());
		JsonNode first = json.at("/selections/0");
		assertThat(first.get("file").asString())
			.isEqualTo(this.operations.resolve("CategoryProducts.graphql").toString());
		assertThat(first.get("line").asInt()).isEqualTo(15);
		assertThat(first.get("coordinate").asString()).isEqualTo("Product.inStock");
		assertThat(first.get("replacement").asString()).isEqualTo("available");
		assertThat(first.get("refusal").isNull()).isTrue();
	}

	@Test
	void missingOperationsDirectoryIsExitTwo() {
		CliRun run = CliRun.of("migrate", "--supergraph", this.supergraph.toString(), "--operations",
				this.work.resolve("nope").toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("operations directory not found");
	}

	@Test
	void writeRefusesAnOperationThatIsASymbolicLinkAndWritesNoFile(@TempDir Path elsewhere) throws IOException {
		deprecateInStock("Use `available`.", "  available: Boolean! @join__field(graph: CATALOG)\n");
		// a link in the repository to a file outside it, such as a shared checkout
		Path outside = Files.writeString(elsewhere.resolve("Shared.graphql"),
				"query Shared($sku: String!) {\n  productBySku(sku: $sku) {\n    inStock\n  }\n}\n");
		Path link = Files.createSymbolicLink(this.operations.resolve("Shared.graphql"), outside);
		String before = Files.readString(this.operations.resolve("ProductBySku.graphql"));
		CliRun run = migrate("--write");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).isEqualTo("schema-tools: error: refusing to write " + link
				+ ": it is a symbolic link (to " + outside + "); give the file it points to instead\n");
		assertThat(Files.readString(outside)).contains("    inStock\n");
		assertThat(Files.readString(this.operations.resolve("ProductBySku.graphql"))).isEqualTo(before);
		// listing reads through the link as check does
		assertThat(migrate().out()).contains(link + ":3:5: Shared selects deprecated Product.inStock");
	}

	@Test
	void anOperationsDirectoryGivenAsASymbolicLinkIsRead() throws IOException {
		deprecateInStock("Use `available`.", "  available: Boolean! @join__field(graph: CATALOG)\n");
		Path link = Files.createSymbolicLink(this.work.resolve("linked-operations"), this.operations);
		CliRun run = CliRun.of("migrate", "--supergraph", this.supergraph.toString(), "--operations", link.toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains(link.resolve("Stock.graphql") + ":4:5: Stock selects deprecated",
				"5 selection(s) of deprecated fields");
	}

	private void deprecateInStock(String replacement, String added) throws IOException {
		Files.writeString(this.supergraph,
				Fixtures.edit(Files.readString(this.supergraph), IN_STOCK,
						"  inStock: Boolean! @join__field(graph: CATALOG) @deprecated(reason: \"" + replacement
								+ " Removal after 2030-01-01\")\n" + added));
	}

	private CliRun migrate(String... extra) {
		String[] base = { "migrate", "--supergraph", this.supergraph.toString(), "--operations",
				this.operations.toString() };
		return CliRun.of(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
	}

}
