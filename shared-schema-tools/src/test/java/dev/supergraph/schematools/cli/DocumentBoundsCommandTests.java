package dev.supergraph.schematools.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.supergraph.schematools.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How large the repository's files may be: a file of operations holds any number of them,
 * while one operation past the bound of a request, or a document nested a hundred levels
 * deep, is an input error that says where.
 */
class DocumentBoundsCommandTests {

	@TempDir
	Path work;

	Path operations;

	@BeforeEach
	void copySupergraph() throws IOException {
		for (String side : new String[] { "baseline", "current" }) {
			Path directory = Files.createDirectories(this.work.resolve(side));
			Files.writeString(directory.resolve("supergraph.graphql"), Fixtures.read("supergraph.graphql"));
		}
		this.operations = Files.createDirectories(this.work.resolve("operations"));
	}

	@Test
	void aClientsOperationsFileIsCheckedHoweverManyOperationsItHolds() throws IOException {
		// 700 operations of 28 tokens each: beyond graphql-java's 15,000 tokens of a
		// request
		String many = IntStream.range(0, 700)
			.mapToObj((
					i) -> "query Product%d($id: ID!) {\n  product(id: $id) { id sku name price { amount currency } }\n}\n"
						.formatted(i))
			.collect(Collectors.joining("\n"));
		Files.writeString(this.operations.resolve("Catalog.graphql"), many);
		CliRun run = check();
		assertThat(run.err()).isEmpty();
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("supergraph: no changes").endsWith("check passed\n");
	}

	@Test
	void anOperationOfMoreTokensThanARequestMayHaveIsAnInputErrorNamingWhereItStarts() throws IOException {
		String aliases = IntStream.range(0, 5_000).mapToObj((i) -> "a" + i + ": sku").collect(Collectors.joining(" "));
		Path file = Files.writeString(this.operations.resolve("Generated.graphql"),
				"query Small { product(id: \"1\") { id } }\n\nquery Generated {\n  product(id: \"1\") { " + aliases
						+ " }\n}\n");
		CliRun run = check();
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).matches(Pattern
			.quote("schema-tools: error: invalid operation in " + file
					+ ": the definition that starts at line 3 has more than 15000 tokens (line 4 column ")
				+ "\\d+" + Pattern.quote("); an operation or fragment may have at most 15000, a file any number of"
						+ " them: move selections into fragments\n"));
	}

	@Test
	void anOperationNestedHundredsOfLevelsDeepOrWithAHugeNumberIsAnInputErrorSayingWhere() throws IOException {
		// braces inside a string or a comment do not nest
		Path deep = Files.writeString(this.operations.resolve("Deep.graphql"),
				"# {{{{\nquery Deep {\n  product(id: \"{[(\") " + "{ a ".repeat(10_000) + "b" + " }".repeat(10_000)
						+ "\n}\n");
		CliRun run = check();
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).isEqualTo("schema-tools: error: invalid operation in " + deep
				+ ": braces, brackets and parentheses nest more than 100 deep at line 3 column 418"
				+ " (selections, values or list types inside each other)\n");
		Files.delete(deep);
		Path number = Files.writeString(this.operations.resolve("Number.graphql"),
				"query Number {\n  product(id: " + "1".repeat(101) + ") { id }\n}\n");
		assertThat(check().err()).isEqualTo("schema-tools: error: invalid operation in " + number
				+ ": a number of more than 100 characters at line 2 column 15\n");
	}

	@Test
	@Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
	void aSchemaNestedHundredsOfLevelsDeepIsAnInputErrorSayingWhereWithinSeconds() throws IOException {
		// the parser alone takes half a CPU minute over a list type 5,000 deep, and does
		// not
		// finish one 100,000 deep
		Path list = Files.writeString(this.work.resolve("list.graphql"),
				"type Query {\n  a: " + "[".repeat(100_000) + "Int" + "]".repeat(100_000) + "\n}\n");
		Path value = Files.writeString(this.work.resolve("value.graphql"),
				"\"\"\"\nA description's ((( do not nest.\n\"\"\"\ninput I { a: Int b: I }\ntype Query {\n  q(i: I = "
						+ "{b: ".repeat(100_000) + "{a: 1}" + "}".repeat(100_000) + "): Int\n}\n");
		CliRun deepList = CliRun.of("lint", list.toString());
		CliRun deepValue = CliRun.of("lint", value.toString());
		assertThat(deepList.exitCode()).isEqualTo(2);
		assertThat(deepList.err()).isEqualTo("schema-tools: error: invalid SDL in " + list
				+ ": braces, brackets and parentheses nest more than 100 deep at line 2 column 105"
				+ " (selections, values or list types inside each other)\n");
		assertThat(deepValue.exitCode()).isEqualTo(2);
		assertThat(deepValue.err()).isEqualTo("schema-tools: error: invalid SDL in " + value
				+ ": braces, brackets and parentheses nest more than 100 deep at line 6 column 404"
				+ " (selections, values or list types inside each other)\n");
	}

	private CliRun check() {
		return CliRun.of("check", "--supergraph", this.work.resolve("current/supergraph.graphql").toString(),
				"--baseline", this.work.resolve("baseline").toString(), "--operations", this.operations.toString());
	}

}
