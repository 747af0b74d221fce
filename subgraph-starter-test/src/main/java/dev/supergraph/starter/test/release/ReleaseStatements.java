package dev.supergraph.starter.test.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import dev.supergraph.starter.test.ExecutedStatement;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a release asks of its database: every distinct SQL statement it issues, and the
 * newest migration version it was recorded on. Kept as JSON in the subgraph's module
 * ({@code src/test/resources/release/statements.json} for the current release,
 * {@code previous-statements.json} for the one before).
 *
 * @param migrationVersion the highest Flyway version present when the file was recorded
 * @param statements the distinct statements, sorted by text
 */
public record ReleaseStatements(String migrationVersion, List<ExecutedStatement> statements) {

	private static final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	public ReleaseStatements {
		statements = List.copyOf(statements);
	}

	/**
	 * The distinct statements of many executions: one entry per text, a parameter bound
	 * as null in one execution and to a value in another keeps the value's type.
	 * @param migrationVersion the newest migration version
	 * @param executed the executed statements, in any order
	 * @return the release statements, sorted by text
	 */
	public static ReleaseStatements of(String migrationVersion, Collection<ExecutedStatement> executed) {
		Map<String, ExecutedStatement> bySql = new LinkedHashMap<>();
		executed.forEach((statement) -> bySql.merge(statement.sql(), statement, ReleaseStatements::typed));
		List<ExecutedStatement> statements = bySql.values()
			.stream()
			.sorted(Comparator.comparing(ExecutedStatement::sql))
			.toList();
		return new ReleaseStatements(migrationVersion, statements);
	}

	public static ReleaseStatements read(Path file) {
		return json.readValue(file.toFile(), ReleaseStatements.class);
	}

	public void write(Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, json.writeValueAsString(this) + "\n");
	}

	/**
	 * How this record differs from another, for a failure message.
	 * @param recorded the record it should equal
	 * @return one line per difference, empty when equal
	 */
	List<String> differencesFrom(ReleaseStatements recorded) {
		List<String> lines = new ArrayList<>();
		if (!this.migrationVersion.equals(recorded.migrationVersion)) {
			lines.add("newest migration is " + this.migrationVersion + ", recorded " + recorded.migrationVersion);
		}
		Set<ExecutedStatement> known = Set.copyOf(recorded.statements);
		Set<ExecutedStatement> issued = Set.copyOf(this.statements);
		this.statements.stream().filter((s) -> !known.contains(s)).forEach((s) -> lines.add("not recorded: " + s));
		recorded.statements.stream()
			.filter((s) -> !issued.contains(s))
			.forEach((s) -> lines.add("no longer issued: " + s));
		return lines;
	}

	private static ExecutedStatement typed(ExecutedStatement first, ExecutedStatement second) {
		List<String> types = first.parameterTypes();
		List<String> others = second.parameterTypes();
		if (types.size() != others.size()) {
			return first;
		}
		return new ExecutedStatement(first.sql(),
				IntStream.range(0, types.size())
					.mapToObj((i) -> types.get(i).startsWith("NULL") ? others.get(i) : types.get(i))
					.toList(),
				first.resultColumns());
	}

}
