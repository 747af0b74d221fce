package dev.supergraph.schematools.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.supergraph.schematools.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandTests {

	@TempDir
	Path work;

	Path baseline;

	Path current;

	@BeforeEach
	void copyFixtures() throws IOException {
		this.baseline = Files.createDirectories(this.work.resolve("baseline"));
		this.current = Files.createDirectories(this.work.resolve("current"));
		for (String name : new String[] { "subgraphs/catalog.graphql", "supergraph.graphql" }) {
			String file = Path.of(name).getFileName().toString();
			Files.writeString(this.baseline.resolve(file), Fixtures.read(name));
			Files.writeString(this.current.resolve(file), Fixtures.read(name));
		}
	}

	@Test
	void unchangedSchemasPassWithExitZero() {
		CliRun run = check();
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("catalog: no changes", "supergraph: no changes").endsWith("check passed\n");
		assertThat(run.err()).isEmpty();
	}

	@Test
	void breakingChangeUsedByOperationsFailsWithExitOneAndNamesThem() throws IOException {
		edit("catalog.graphql", "  inStock: Boolean!\n", "");
		edit("supergraph.graphql", "  inStock: Boolean! @join__field(graph: CATALOG)\n", "");
		CliRun run = check();
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("FAIL    BREAKING  FIELD_REMOVED Product.inStock",
				"breaks known operations: CategoryProducts, ProductBySku, ProductPage",
				"Operations that no longer validate against the new API schema:", "check FAILED");
	}

	@Test
	void jsonFormatCarriesTheWholeReport() throws IOException {
		edit("catalog.graphql", "  inStock: Boolean!\n", "");
		edit("supergraph.graphql", "  inStock: Boolean! @join__field(graph: CATALOG)\n", "");
		CliRun run = check("--format", "json");
		JsonNode json = JsonMapper.builder().build().readTree(run.out());
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(json.get("passed").asBoolean()).isFalse();
		JsonNode finding = json.at("/report/targets/0/findings/0");
		assertThat(finding.at("/change/kind").asString()).isEqualTo("FIELD_REMOVED");
		assertThat(finding.at("/change/coordinate").asString()).isEqualTo("Product.inStock");
		assertThat(finding.at("/classification/criticality").asString()).isEqualTo("BREAKING");
		assertThat(finding.at("/verdict").asString()).isEqualTo("FAIL");
		assertThat(finding.at("/operations/0").asString()).isEqualTo("CategoryProducts");
	}

	@Test
	void breakingChangeNamesEachAffectedOperationsFileAndClientPackages() throws IOException {
		edit("catalog.graphql", "  inStock: Boolean!\n", "");
		edit("supergraph.graphql", "  inStock: Boolean! @join__field(graph: CATALOG)\n", "");
		Path operations = Fixtures.path("operations");
		CliRun run = check("--clients", clients().toString());
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).contains("Affected operations and the client packages that contain them:\n",
				"  ProductBySku (" + operations.resolve("ProductBySku.graphql") + "): web, jvm\n",
				"  ProductPage (" + operations.resolve("ProductPage.graphql") + "): jvm\n",
				"    catalog: BREAKING FIELD_REMOVED Product.inStock\n");
		assertThat(run.out()).doesNotContain("  MyOrders (");
		JsonNode json = JsonMapper.builder()
			.build()
			.readTree(check("--clients", clients().toString(), "--format", "json").out());
		JsonNode affected = json.get("affectedOperations");
		assertThat(affected.findValuesAsString("operation")).containsExactly("CategoryProducts", "ProductBySku",
				"ProductPage");
		JsonNode productBySku = affected.get(1);
		assertThat(productBySku.get("file").asString())
			.isEqualTo(operations.resolve("ProductBySku.graphql").toString());
		assertThat(productBySku.at("/clients/0").asString()).isEqualTo("web");
		assertThat(productBySku.at("/clients/1").asString()).isEqualTo("jvm");
		assertThat(productBySku.at("/reasons/0").asString())
			.isEqualTo("catalog: BREAKING FIELD_REMOVED Product.inStock");
	}

	@Test
	void deprecationStillUsedNamesTheClientPackages() throws IOException {
		edit("supergraph.graphql", "  inStock: Boolean! @join__field(graph: CATALOG)\n",
				"  inStock: Boolean! @join__field(graph: CATALOG) @deprecated(reason: \"Use `available`. Removal after 2030-01-01\")\n");
		CliRun run = check("--clients", clients().toString());
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("  ProductBySku (" + Fixtures.path("operations").resolve("ProductBySku.graphql")
				+ "): web, jvm\n    uses deprecated Product.inStock (removal after 2030-01-01)\n");
	}

	@Test
	void clientsWithoutOperationsIsAUsageError() throws IOException {
		CliRun run = CliRun.of("check", "--subgraph", "catalog=" + this.current.resolve("catalog.graphql"),
				"--baseline", this.baseline.toString(), "--clients", clients().toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("--clients needs --operations");
	}

	/** Two packages: one with every fixture operation, one with ProductBySku only. */
	private Path clients() throws IOException {
		String operations = this.work.relativize(Fixtures.path("operations")).toString();
		return Files.writeString(this.work.resolve("clients.json"), """
				{"clients": [
				  {"name": "web", "language": "typescript", "path": "web", "operations": "%1$s/ProductBySku.graphql"},
				  {"name": "jvm", "language": "java", "path": "jvm", "operations": "%1$s/*.graphql"}
				]}""".formatted(operations));
	}

	@Test
	void dangerousChangeNamesTheOperationsItReaches() throws IOException {
		edit("supergraph.graphql", "  CANCELLED @join__enumValue(graph: ORDERS)\n",
				"  CANCELLED @join__enumValue(graph: ORDERS)\n  REFUNDED @join__enumValue(graph: ORDERS)\n");
		CliRun run = check();
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("PASS    DANGEROUS ENUM_VALUE_ADDED OrderStatus.REFUNDED\n",
				"\n          operations: CancelOrder, MyOrders, OrderDetail, PlaceOrder, UserOrders\n");
	}

	@Test
	void anAccessPolicyThatOnlyTheApiSchemaChangesIsReported() throws IOException {
		// composition merges the scopes of every subgraph that resolves a field: the API
		// schema may change where no single subgraph's does
		edit("supergraph.graphql", "@requiresScopes(scopes: [[\"catalog:write\"]])",
				"@requiresScopes(scopes: [[\"catalog:write\"], [\"catalog:admin\"]])");
		CliRun run = check();
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("catalog: no changes",
				"PASS    DANGEROUS ACCESS_POLICY_CHANGED Mutation.createProduct",
				"PASS    DANGEROUS ACCESS_POLICY_CHANGED Mutation.updateProductPrice");
	}

	@Test
	void expiredDeprecationRemovalIsAllowedOnlyWithThePolicyOn() throws IOException {
		edit("catalog.graphql", "  sku: String!\n",
				"  sku: String!\n  code: String @deprecated(reason: \"Use sku. Removal after 2026-01-01\")\n");
		Files.writeString(this.baseline.resolve("catalog.graphql"),
				Files.readString(this.current.resolve("catalog.graphql")));
		edit("catalog.graphql", "  code: String @deprecated(reason: \"Use sku. Removal after 2026-01-01\")\n", "");
		assertThat(check("--today", "2026-06-01").exitCode()).isZero();
		assertThat(check("--today", "2025-12-01").out())
			.contains("removal before the announced date: removal after 2026-01-01");
		assertThat(check("--today", "2026-06-01", "--deprecation-policy", "off").exitCode()).isEqualTo(1);
	}

	@Test
	void missingSchemaFileIsExitTwoWithOneLine() {
		CliRun run = CliRun.of("check", "--subgraph", "catalog=" + this.work.resolve("nope.graphql"), "--baseline",
				this.baseline.toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err())
			.isEqualTo("schema-tools: error: schema file not found: " + this.work.resolve("nope.graphql") + "\n");
	}

	@Test
	void invalidSdlIsExitTwoWithoutStackTrace() throws IOException {
		Files.writeString(this.current.resolve("catalog.graphql"), "type Query { broken: }");
		CliRun run = check();
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).startsWith("schema-tools: error: invalid SDL in ").doesNotContain("\tat ");
		assertThat(run.err().lines()).hasSize(1);
	}

	@Test
	void aCheckoutWithCrlfLineBreaksAndAByteOrderMarkHasNoChanges() throws IOException {
		String described = "\"\"\"\nThe catalog's root fields.\nEach one public.\n\"\"\"\ntype Query {\n";
		edit("catalog.graphql", "type Query {\n", described);
		Files.writeString(this.baseline.resolve("catalog.graphql"),
				Files.readString(this.current.resolve("catalog.graphql")));
		String lf = Files.readString(this.current.resolve("catalog.graphql"));
		Files.writeString(this.current.resolve("catalog.graphql"), "\uFEFF" + lf.replace("\n", "\r\n"));
		CliRun run = check();
		assertThat(run.exitCode()).as(run.out()).isZero();
		assertThat(run.out()).contains("catalog: no changes");
	}

	@Test
	void anEmptySchemaOrOneCutOffIsExitTwoSayingSo() throws IOException {
		Path catalog = this.current.resolve("catalog.graphql");
		String whole = Files.readString(catalog);
		for (String empty : new String[] { "", "\n  \n", "# nothing yet\n" }) {
			Files.writeString(catalog, empty);
			CliRun run = check();
			assertThat(run.exitCode()).isEqualTo(2);
			assertThat(run.err()).isEqualTo("schema-tools: error: invalid SDL in " + catalog
					+ ": the file is empty (no definition, only white space or comments)\n");
		}
		Files.writeString(catalog, whole + "type Draft {\n  name: String\n");
		CliRun run = check();
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).isEqualTo("schema-tools: error: invalid SDL in " + catalog
				+ ": the file ends inside a definition (unexpected end of file at line " + (whole.lines().count() + 3)
				+ " column 1)\n");
	}

	@Test
	void anEmptyOperationIsExitTwoNamingIt() throws IOException {
		Path operations = Files.createDirectories(this.work.resolve("operations"));
		Files.writeString(operations.resolve("Draft.graphql"), "");
		CliRun run = CliRun.of("check", "--supergraph", this.current.resolve("supergraph.graphql").toString(),
				"--baseline", this.baseline.toString(), "--operations", operations.toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err())
			.isEqualTo("schema-tools: error: invalid operation in " + operations.resolve("Draft.graphql")
					+ ": the file is empty (no definition, only white space or comments)\n");
	}

	@Test
	void missingOperationsDirectoryIsExitTwo() {
		CliRun run = CliRun.of("check", "--subgraph", "catalog=" + this.current.resolve("catalog.graphql"),
				"--baseline", this.baseline.toString(), "--operations", this.work.resolve("ops").toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("operations directory not found");
	}

	@Test
	void usageErrorsAreExitTwo() {
		assertThat(CliRun.of("check", "--baseline", "HEAD").err()).contains("nothing to check");
		assertThat(CliRun.of("check", "--baseline", "HEAD").exitCode()).isEqualTo(2);
		assertThat(CliRun.of("check", "--subgraph", "x=y.graphql").exitCode()).isEqualTo(2);
		assertThat(check("--today", "tomorrow").exitCode()).isEqualTo(2);
		assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
	}

	@Test
	void aBaselineFileComparesOnlyOneSchema() {
		CliRun run = CliRun.of("check", "--subgraph", "catalog=" + this.current.resolve("catalog.graphql"),
				"--supergraph", this.current.resolve("supergraph.graphql").toString(), "--baseline",
				this.baseline.resolve("catalog.graphql").toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("a baseline file compares exactly one schema");
	}

	@Test
	void aSubgraphWithoutANameOrFileOrGivenTwiceIsAUsageError() {
		String catalog = this.current.resolve("catalog.graphql").toString();
		for (String[] subgraphs : new String[][] { { "=" + catalog }, { "catalog=" }, { " =" + catalog },
				{ "catalog=" + catalog, "catalog=" + this.baseline.resolve("catalog.graphql") } }) {
			java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("check"));
			for (String subgraph : subgraphs) {
				args.addAll(java.util.List.of("--subgraph", subgraph));
			}
			args.addAll(java.util.List.of("--baseline", this.baseline.toString()));
			CliRun run = CliRun.of(args.toArray(String[]::new));
			assertThat(run.exitCode()).as(args.toString()).isEqualTo(2);
			assertThat(run.err()).as(args.toString()).startsWith("schema-tools: usage error: ");
			assertThat(run.out()).as(args.toString()).doesNotContain("check passed");
		}
	}

	@Test
	void aBaselineThatIsTheCheckedFileItselfOrEmptyIsAnInputErrorNotAPass() throws IOException {
		Path catalog = this.current.resolve("catalog.graphql");
		Path link = Files.createSymbolicLink(this.work.resolve("link.graphql"), catalog);
		for (String baseline : new String[] { this.current.toString(), catalog.toString(), link.toString(), "", " " }) {
			CliRun run = CliRun.of("check", "--subgraph", "catalog=" + catalog, "--baseline", baseline);
			assertThat(run.exitCode()).as(baseline).isEqualTo(2);
			assertThat(run.err()).as(baseline)
				.startsWith("schema-tools: error: ")
				.containsAnyOf("is the checked file", "--baseline is empty");
			assertThat(run.out()).as(baseline).doesNotContain("check passed");
		}
	}

	private CliRun check(String... extra) {
		String[] base = { "check", "--subgraph", "catalog=" + this.current.resolve("catalog.graphql"), "--supergraph",
				this.current.resolve("supergraph.graphql").toString(), "--baseline", this.baseline.toString(),
				"--operations", Fixtures.path("operations").toString() };
		String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
			.toArray(String[]::new);
		return CliRun.of(args);
	}

	private void edit(String file, String from, String to) throws IOException {
		Path path = this.current.resolve(file);
		Files.writeString(path, Fixtures.edit(Files.readString(path), from, to));
	}

}
