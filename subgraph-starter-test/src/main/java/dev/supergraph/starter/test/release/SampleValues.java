package dev.supergraph.starter.test.release;

import java.math.BigDecimal;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Binds a sample value of each recorded JDBC type, so a recorded statement can run again:
 * the values only have to be of the right type (the replay is about the schema, not the
 * data). A parameter the release bound only as null is bound as null.
 */
final class SampleValues {

	private static final Map<JDBCType, Object> SAMPLES = Map.ofEntries(Map.entry(JDBCType.BIGINT, 1L),
			Map.entry(JDBCType.INTEGER, 1), Map.entry(JDBCType.SMALLINT, (short) 1), Map.entry(JDBCType.VARCHAR, "x"),
			Map.entry(JDBCType.CHAR, "x"), Map.entry(JDBCType.LONGVARCHAR, "x"), Map.entry(JDBCType.NVARCHAR, "x"),
			Map.entry(JDBCType.NUMERIC, BigDecimal.ONE), Map.entry(JDBCType.DECIMAL, BigDecimal.ONE),
			Map.entry(JDBCType.BOOLEAN, true), Map.entry(JDBCType.BIT, true), Map.entry(JDBCType.DOUBLE, 1.0d),
			Map.entry(JDBCType.REAL, 1.0f), Map.entry(JDBCType.FLOAT, 1.0d),
			Map.entry(JDBCType.TIMESTAMP_WITH_TIMEZONE, OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)),
			Map.entry(JDBCType.TIMESTAMP, LocalDateTime.of(2026, 1, 1, 0, 0)),
			Map.entry(JDBCType.DATE, LocalDate.of(2026, 1, 1)), Map.entry(JDBCType.BINARY, new byte[] { 1 }),
			Map.entry(JDBCType.VARBINARY, new byte[] { 1 }));

	/** PostgreSQL's names for array element types (pgjdbc's {@code createArrayOf}). */
	private static final Map<JDBCType, String> ELEMENTS = Map.of(JDBCType.BIGINT, "int8", JDBCType.INTEGER, "int4",
			JDBCType.SMALLINT, "int2", JDBCType.VARCHAR, "varchar", JDBCType.NUMERIC, "numeric", JDBCType.BOOLEAN,
			"bool", JDBCType.TIMESTAMP_WITH_TIMEZONE, "timestamptz", JDBCType.TIMESTAMP, "timestamp");

	private SampleValues() {
	}

	static void bind(PreparedStatement statement, List<String> types) throws SQLException {
		for (int i = 0; i < types.size(); i++) {
			bind(statement, i + 1, types.get(i));
		}
	}

	private static void bind(PreparedStatement statement, int index, String type) throws SQLException {
		if (type.endsWith("[]")) {
			JDBCType element = jdbcType(type.substring(0, type.length() - 2), type);
			statement.setArray(index, statement.getConnection()
				.createArrayOf(require(ELEMENTS.get(element), type), new Object[] { sample(element, type) }));
			return;
		}
		if (type.startsWith("NULL")) {
			// the release binds null here: so does the replay, a NOT NULL column must
			// refuse it
			String declared = type.equals("NULL") ? "NULL" : type.substring("NULL(".length(), type.length() - 1);
			statement.setNull(index, jdbcType(declared, type).getVendorTypeNumber());
			return;
		}
		JDBCType jdbcType = jdbcType(type, type);
		statement.setObject(index, sample(jdbcType, type), jdbcType.getVendorTypeNumber());
	}

	private static JDBCType jdbcType(String name, String type) {
		try {
			return JDBCType.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("No sample value for the JDBC type " + type, ex);
		}
	}

	private static Object sample(JDBCType jdbcType, String type) {
		return require(SAMPLES.get(jdbcType), type);
	}

	private static <T> T require(T value, String type) {
		if (value == null) {
			throw new IllegalArgumentException("No sample value for the JDBC type " + type);
		}
		return value;
	}

}
