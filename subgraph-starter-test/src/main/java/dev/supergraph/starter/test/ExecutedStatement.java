package dev.supergraph.starter.test;

import java.util.List;

/**
 * One SQL statement as the application handed it to the JDBC driver: its text with
 * {@code ?} placeholders and the JDBC type of each bound parameter (a
 * {@link java.sql.JDBCType} name, an array as {@code BIGINT[]}), enough to bind sample
 * values of the same types again; the values themselves are not kept. For a query, also
 * the labels of the columns it returned, which the application reads by name
 * ({@code select p.*} reads more than its text shows).
 *
 * @param sql the statement text
 * @param parameterTypes the JDBC type names of the parameters, in order
 * @param resultColumns the column labels of the result, empty for an update
 */
public record ExecutedStatement(String sql, List<String> parameterTypes, List<String> resultColumns) {

	public ExecutedStatement {
		parameterTypes = List.copyOf(parameterTypes);
		resultColumns = List.copyOf(resultColumns);
	}

}
