package dev.supergraph.schematools.check;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

import dev.supergraph.schematools.operations.Operation;
import dev.supergraph.schematools.operations.OperationLoader;
import dev.supergraph.schematools.schema.SchemaLoader;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus: one folder per case under {@code src/test/resources/corpus} with
 * {@code old.graphql}, {@code new.graphql} (a subgraph's two versions), optional
 * {@code operations/}, {@code check.properties} (today, deprecationPolicy,
 * failOnDangerous) and {@code supergraph.graphql} (the composed supergraph the subgraph
 * is checked with, whose API schema tells what other subgraphs serve) and
 * {@code expected.txt}: one line per change,
 * {@code VERDICT CRITICALITY KIND coordinate [ops=A,B]}.
 */
class SchemaChangeCorpusTests {

	private static final Path CORPUS = corpus();

	static Stream<String> cases() throws IOException {
		try (Stream<Path> folders = Files.list(CORPUS)) {
			return folders.map((folder) -> folder.getFileName().toString()).sorted().toList().stream();
		}
	}

	@Test
	void corpusHasAtLeastFortyCases() throws IOException {
		assertThat(cases().count()).isGreaterThanOrEqualTo(40);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void everyChangeIsClassifiedAndJudgedAsExpected(String name) throws IOException {
		Path folder = CORPUS.resolve(name);
		Properties properties = properties(folder.resolve("check.properties"));
		CheckPolicy policy = new CheckPolicy(!"off".equals(properties.getProperty("deprecationPolicy", "on")),
				Boolean.parseBoolean(properties.getProperty("failOnDangerous", "false")),
				LocalDate.parse(properties.getProperty("today", "2026-06-01")));
		SchemaPair pair = new SchemaPair(name, load(folder.resolve("old.graphql")), load(folder.resolve("new.graphql")),
				true, "");
		List<Operation> operations = Files.isDirectory(folder.resolve("operations"))
				? OperationLoader.load(folder.resolve("operations")) : List.of();
		List<String> actual = target(new SchemaCheck(policy), pair, operations, folder.resolve("supergraph.graphql"))
			.findings()
			.stream()
			.map(SchemaChangeCorpusTests::line)
			.toList();
		List<String> expected = Files.readAllLines(folder.resolve("expected.txt"))
			.stream()
			.filter((line) -> !line.isBlank())
			.toList();
		assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
	}

	private static TargetReport target(SchemaCheck check, SchemaPair pair, List<Operation> operations,
			Path supergraph) {
		if (!Files.exists(supergraph)) {
			return check.target(pair, operations);
		}
		GraphQLSchema api = SchemaLoader.supergraphApi(SchemaLoader.read(supergraph), supergraph.toString());
		return check.run(List.of(pair), api, operations).targets().get(0);
	}

	private static String line(Finding finding) {
		String operations = finding.operations().isEmpty() ? "" : " ops=" + String.join(",", finding.operations());
		return finding.verdict() + " " + finding.classification().criticality() + " " + finding.change().kind() + " "
				+ finding.change().coordinate() + operations;
	}

	private static GraphQLSchema load(Path file) {
		return SchemaLoader.subgraph(SchemaLoader.read(file), file.toString());
	}

	private static Properties properties(Path file) throws IOException {
		Properties properties = new Properties();
		if (Files.exists(file)) {
			try (Reader reader = Files.newBufferedReader(file)) {
				properties.load(reader);
			}
		}
		return properties;
	}

	private static Path corpus() {
		try {
			return Path.of(Objects.requireNonNull(SchemaChangeCorpusTests.class.getResource("/corpus")).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
