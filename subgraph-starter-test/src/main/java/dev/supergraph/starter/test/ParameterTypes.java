package dev.supergraph.starter.test;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.JDBCType;
import java.sql.SQLException;
import java.sql.SQLType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC type of each parameter of a statement, read from the setter the application
 * called ({@code setLong}, {@code setArray}, …). A parameter bound as null is
 * {@code NULL(VARCHAR)} with the type the application declared, or {@code NULL}.
 */
final class ParameterTypes {

	private static final Map<String, JDBCType> SETTERS = Map.ofEntries(Map.entry("setLong", JDBCType.BIGINT),
			Map.entry("setInt", JDBCType.INTEGER), Map.entry("setShort", JDBCType.SMALLINT),
			Map.entry("setString", JDBCType.VARCHAR), Map.entry("setNString", JDBCType.VARCHAR),
			Map.entry("setBigDecimal", JDBCType.NUMERIC), Map.entry("setBoolean", JDBCType.BOOLEAN),
			Map.entry("setDouble", JDBCType.DOUBLE), Map.entry("setFloat", JDBCType.REAL),
			Map.entry("setTimestamp", JDBCType.TIMESTAMP), Map.entry("setDate", JDBCType.DATE),
			Map.entry("setBytes", JDBCType.BINARY));

	private static final Map<Class<?>, JDBCType> VALUES = Map.ofEntries(Map.entry(Long.class, JDBCType.BIGINT),
			Map.entry(Integer.class, JDBCType.INTEGER), Map.entry(Short.class, JDBCType.SMALLINT),
			Map.entry(String.class, JDBCType.VARCHAR), Map.entry(BigDecimal.class, JDBCType.NUMERIC),
			Map.entry(Boolean.class, JDBCType.BOOLEAN), Map.entry(Double.class, JDBCType.DOUBLE),
			Map.entry(OffsetDateTime.class, JDBCType.TIMESTAMP_WITH_TIMEZONE),
			Map.entry(Instant.class, JDBCType.TIMESTAMP_WITH_TIMEZONE),
			Map.entry(LocalDateTime.class, JDBCType.TIMESTAMP), Map.entry(LocalDate.class, JDBCType.DATE));

	private ParameterTypes() {
	}

	static List<String> of(List<ParameterSetOperation> operations) {
		Map<Integer, String> byIndex = new TreeMap<>();
		for (ParameterSetOperation operation : operations) {
			Object[] args = operation.getArgs();
			if (args.length > 0 && args[0] instanceof Integer index) {
				byIndex.put(index, typeOf(operation.getMethod().getName(), args));
			}
		}
		return List.copyOf(byIndex.values());
	}

	private static String typeOf(String setter, Object[] args) {
		if (setter.equals("setNull")) {
			return "NULL(" + declared(args[1]) + ")";
		}
		if (setter.equals("setObject") && args.length > 2) {
			return (args[1] != null) ? declared(args[2]) : "NULL(" + declared(args[2]) + ")";
		}
		if (args[1] == null) {
			return "NULL";
		}
		if (setter.equals("setArray") || (args[1] instanceof Array)) {
			return arrayType((Array) args[1]);
		}
		if (setter.equals("setObject")) {
			return valueType(args[1]);
		}
		JDBCType type = SETTERS.get(setter);
		return (type != null) ? type.getName() : "UNKNOWN(" + setter + ")";
	}

	private static String valueType(@Nullable Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value.getClass().isArray() && value.getClass().getComponentType() != null) {
			return componentType(value.getClass().getComponentType()) + "[]";
		}
		JDBCType type = VALUES.get(value.getClass());
		return (type != null) ? type.getName() : "UNKNOWN(" + value.getClass().getName() + ")";
	}

	private static String declared(Object type) {
		return (type instanceof SQLType sqlType) ? sqlType.getName() : JDBCType.valueOf((Integer) type).getName();
	}

	private static String componentType(Class<?> component) {
		JDBCType type = VALUES.get(component);
		return (type != null) ? type.getName() : "UNKNOWN(" + component.getName() + ")";
	}

	private static String arrayType(Array array) {
		try {
			return JDBCType.valueOf(array.getBaseType()).getName() + "[]";
		}
		catch (SQLException ex) {
			return "UNKNOWN(array)";
		}
	}

}
