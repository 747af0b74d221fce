package dev.supergraph.starter.test.release;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.supergraph.starter.test.ExecutedStatement;
import dev.supergraph.starter.test.TestDatabases.TestDatabase;
import org.jspecify.annotations.Nullable;

/**
 * Runs recorded statements with sample values against a database, each in its own
 * transaction that is rolled back, and reports those PostgreSQL refuses because of the
 * schema. A refusal that depends on the sample values instead (a data exception, or a
 * unique, foreign key or check constraint the sample row breaks) means the schema
 * accepted the statement; a {@code NOT NULL} violation does not, since a sample value is
 * never null: it is a column the statement does not write. A query must also still return
 * every column the release read from its result.
 */
final class StatementReplay {

	private final TestDatabase database;

	StatementReplay(TestDatabase database) {
		this.database = database;
	}

	/**
	 * The statements the schema refuses.
	 * @param statements the statements to run
	 * @return one line per refused statement: SQL state, PostgreSQL's message and the
	 * text
	 */
	List<String> refused(List<ExecutedStatement> statements) throws SQLException {
		List<String> refused = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(this.database.url(), this.database.username(),
				this.database.password())) {
			connection.setAutoCommit(false);
			for (ExecutedStatement statement : statements) {
				@Nullable String refusal = run(connection, statement);
				if (refusal != null) {
					refused.add(refusal + "\n    " + statement.sql());
				}
			}
		}
		return refused;
	}

	private static @Nullable String run(Connection connection, ExecutedStatement statement) throws SQLException {
		try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
			SampleValues.bind(prepared, statement.parameterTypes());
			prepared.execute();
			return missingColumns(prepared.getResultSet(), statement.resultColumns());
		}
		catch (SQLException ex) {
			return dependsOnTheSample(ex.getSQLState()) ? null : ex.getSQLState() + " " + ex.getMessage();
		}
		catch (IllegalArgumentException ex) {
			return ex.getMessage();
		}
		finally {
			connection.rollback();
		}
	}

	/** A query must still return every column the release reads from its result. */
	private static @Nullable String missingColumns(@Nullable ResultSet rows, List<String> read) throws SQLException {
		if (rows == null || read.isEmpty()) {
			return null;
		}
		Set<String> returned = new HashSet<>();
		for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
			returned.add(rows.getMetaData().getColumnLabel(i));
		}
		List<String> missing = read.stream().filter((column) -> !returned.contains(column)).toList();
		return missing.isEmpty() ? null : "the result lacks the columns " + missing + " that the release reads";
	}

	private static boolean dependsOnTheSample(@Nullable String state) {
		return state != null && (state.startsWith("22") || (state.startsWith("23") && !state.equals("23502")));
	}

}
