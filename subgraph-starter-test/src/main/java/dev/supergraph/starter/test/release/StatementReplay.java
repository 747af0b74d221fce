package dev.supergraph.starter.test.release;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.supergraph.starter.test.ExecutedStatement;
import dev.supergraph.starter.test.TestDatabases.TestDatabase;
import org.jspecify.annotations.Nullable;

/**
 * Runs recorded statements with sample values against a database, each in its own
 * transaction that is rolled back, and reports those PostgreSQL refuses because of the
 * schema. A refusal that depends on the sample values instead (a data exception, or a
 * unique, foreign key or check constraint the sample row breaks) means the schema
 * accepted the statement; a {@code NOT NULL} violation does not, since a sample value is
 * never null: it is a column the statement does not write.
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
				String refusal = run(connection, statement);
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
			return null;
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

	private static boolean dependsOnTheSample(@Nullable String state) {
		return state != null && (state.startsWith("22") || (state.startsWith("23") && !state.equals("23502")));
	}

}
